import { Field, ID, InputType, Int } from 'type-graphql';
import { DataRequestState } from './data-request-state';
import { AuthorityKind, ConsentKind, DataLevel, DataRequestKind, InstitutionSelection, UsageContext } from './data-request-enums';

@InputType({ description: 'The form of a data request (every part optional while it is a draft; submitting checks it is complete).' })
export class DataRequestFormInput {
  @Field(() => ID, { nullable: true, description: 'Hub staff entering a mailed form: the requesting organisation (ignored for others).' })
  requesterOrganisationId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Other requesting organisations, by name.' })
  coRequesters?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The purpose.' })
  purpose?: string | null;

  @Field(() => UsageContext, { nullable: true, description: 'The usage context.' })
  usageContext?: UsageContext | null;

  @Field(() => Int, { nullable: true, description: 'The term in months in which the purpose is met; none: one year.' })
  termMonths?: number | null;

  @Field(() => String, { nullable: true, description: '`LBZ` or a registry code.' })
  dataset?: string | null;

  @Field(() => [String], { nullable: true, description: "Fields from the dataset's checklist (see dataRequestChecklist)." })
  fields?: string[] | null;

  @Field(() => DataLevel, { nullable: true, description: 'Detail or aggregated.' })
  level?: DataLevel | null;

  @Field(() => String, { nullable: true, description: 'Which aggregation.' })
  aggregation?: string | null;

  @Field(() => [Int], { nullable: true, description: 'Registration years.' })
  years?: number[] | null;

  @Field(() => InstitutionSelection, { nullable: true, description: 'Whose data.' })
  institutionSelection?: InstitutionSelection | null;

  @Field(() => [String], { nullable: true, description: 'Institution codes of a LIST selection.' })
  institutionCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'First day of the period covered (YYYY-MM-DD).' })
  periodFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the period covered (YYYY-MM-DD).' })
  periodTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Desired delivery date (YYYY-MM-DD).' })
  desiredDeliveryOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Identifying data of persons or institutions is asked.' })
  identifyingData?: boolean | null;
}

@InputType({ description: 'A decision on a data request: the letter, conditions and a narrowed scope.' })
export class DataRequestDecisionInput {
  @Field(() => String, { description: 'The decision letter text.' })
  letter!: string;

  @Field(() => String, { nullable: true, description: 'Conditions of use.' })
  conditions?: string | null;

  @Field(() => String, { nullable: true, description: 'The purpose as narrowed.' })
  narrowedPurpose?: string | null;

  @Field(() => [String], { nullable: true, description: 'The fields as narrowed (a subset of those asked).' })
  narrowedFields?: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'The registration years as narrowed (a subset of those asked).' })
  narrowedYears?: number[] | null;

  @Field(() => [String], { nullable: true, description: 'The institutions as narrowed, by code.' })
  narrowedInstitutionCodes?: string[] | null;
}

@InputType({ description: 'A move of a data request to another state of its life cycle.' })
export class MoveDataRequestInput {
  @Field(() => ID, { description: 'The data request.' })
  id!: string;

  @Field(() => DataRequestState, { description: 'The state to move to.' })
  to!: DataRequestState;

  @Field(() => String, { nullable: true, description: 'Why, kept in the history (up to 1000 characters).' })
  note?: string | null;

  @Field(() => DataRequestDecisionInput, { nullable: true, description: 'Required when moving to APPROVED, APPROVED_WITH_CONDITIONS or REJECTED.' })
  decision?: DataRequestDecisionInput | null;
}

@InputType({ description: "Hub staff's considerations." })
export class ConsiderationsInput {
  @Field(() => String, { description: 'Legal frameworks.' })
  legal!: string;

  @Field(() => String, { description: 'Privacy of persons.' })
  privacy!: string;

  @Field(() => String, { description: 'Competition.' })
  competition!: string;

  @Field(() => String, { description: 'Interests of the sector, hospitals and persons concerned.' })
  sector!: string;
}

@InputType({ description: 'A handling cost line of a quote.' })
export class HandlingLineInput {
  @Field(() => String, { description: 'What it is for.' })
  description!: string;

  @Field(() => Int, { description: 'Euro cents, excluding VAT.' })
  cents!: number;
}

@InputType({ description: "The fee engine's input: weight, optional chosen fee and handling costs." })
export class FeeInput {
  @Field(() => Int, { description: 'Weight in basis points between the bounds, 0 to 10,000.' })
  weight!: number;

  @Field(() => Int, { nullable: true, description: 'A fee per registration year chosen instead of the weighted one, cents.' })
  feePerYearCents?: number | null;

  @Field(() => String, { nullable: true, description: 'Why the fee lies outside the bounds; required then.' })
  deviationReason?: string | null;

  @Field(() => [HandlingLineInput], { nullable: true, description: 'Handling costs, each a separate line.' })
  handling?: HandlingLineInput[] | null;
}

@InputType({ description: 'Signing a quote: by the requester in the system, or recorded by hub staff on receipt of a signed copy.' })
export class SignQuoteInput {
  @Field(() => ID, { description: 'The data request.' })
  id!: string;

  @Field(() => String, { description: 'Name of who signs.' })
  name!: string;

  @Field(() => String, { description: 'Function of who signs.' })
  function!: string;
}

@InputType({ description: "An institution's consent or written order for a data request." })
export class GiveConsentInput {
  @Field(() => ID, { description: 'The data request.' })
  requestId!: string;

  @Field(() => String, { description: 'The institution (8-digit code).' })
  institutionCode!: string;

  @Field(() => ConsentKind, { description: 'Consent or written order.' })
  kind!: ConsentKind;

  @Field(() => String, { nullable: true, description: 'A note.' })
  note?: string | null;
}

@InputType({ description: 'Sets or clears a data request flag on a user.' })
export class SetAuthorityInput {
  @Field(() => ID, { description: 'The user.' })
  userId!: string;

  @Field(() => AuthorityKind, { description: 'Director or committee member.' })
  kind!: AuthorityKind;

  @Field(() => String, { nullable: true, description: 'The institution (8-digit code), for DIRECTOR.' })
  institutionCode?: string | null;

  @Field(() => Boolean, { description: 'True sets the flag, false clears it.' })
  granted!: boolean;
}

@InputType({ description: "Hub staff's confirmation of a request's kind and usage context." })
export class ConfirmKindInput {
  @Field(() => ID, { description: 'The data request.' })
  id!: string;

  @Field(() => DataRequestKind, { description: 'The kind.' })
  kind!: DataRequestKind;

  @Field(() => UsageContext, { description: 'The usage context (may correct the one declared).' })
  usageContext!: UsageContext;
}

@InputType({ description: "Filters of hub staff's queue." })
export class DataRequestFilterInput {
  @Field(() => [DataRequestState], { nullable: true, description: 'Only these states.' })
  states?: DataRequestState[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only requests whose step is past its target date.' })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only requests whose usage right ended and whose destruction is past its deadline, unconfirmed.' })
  destructionOverdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only requests whose invoice is past its due date and not marked paid.' })
  invoiceOverdue?: boolean | null;
}

@InputType({ description: 'A statement that the delivered data was destroyed (with every copy).' })
export class DestructionInput {
  @Field(() => ID, { description: 'The data request.' })
  id!: string;

  @Field(() => String, { description: 'The statement, in the words of who makes it.' })
  statement!: string;

  @Field(() => String, { description: 'Name of who makes it.' })
  name!: string;

  @Field(() => String, { description: 'Function of who makes it.' })
  function!: string;
}
