import { Field, ID, InputType } from 'type-graphql';
import type { Period } from '../common/period';
import { LocalDateScalar, PeriodScalar } from '../common/scalars';

@InputType({ description: "An institution's authorisation of a processor, through one of its processor links." })
export class GrantAuthorisationInput {
  @Field(() => String, { description: '8-digit code of the institution that grants it.' })
  institutionCode!: string;

  @Field(() => ID, { description: 'The processor link (processor × registry or sub-delivery).' })
  linkId!: string;

  @Field(() => PeriodScalar, { nullable: true, description: 'First period whose data it covers; null or TOTAAL: from the first.' })
  fromPeriod?: Period | null;

  @Field(() => PeriodScalar, { nullable: true, description: 'Last period whose data it covers; null or TOTAAL: up to the latest.' })
  toPeriod?: Period | null;

  @Field(() => String, { description: 'What the processor receives the data for (1–500 characters).' })
  purpose!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day it holds; default today (Europe/Amsterdam).' })
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day it holds; null: until revoked.' })
  validUntil?: string | null;

  @Field(() => [String], { description: "The fields, chosen one by one from the link's set (all of them or fewer)." })
  fields!: string[];
}

@InputType({ description: "Changes to an authorisation: its fields (within the link's set) and its dates; what is not given stays." })
export class UpdateAuthorisationInput {
  @Field(() => ID, { description: 'The authorisation.' })
  authorisationId!: string;

  @Field(() => [String], { nullable: true, description: "The new field set, within the link's set." })
  fields?: string[] | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'New first day it holds.' })
  validFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'New last day it holds.' })
  validUntil?: string | null;
}

@InputType('AuthorisationFilterInput', { description: 'Filters of the hub-wide authorisation list; all optional, combined with AND.' })
export class AuthorisationFilter {
  @Field(() => ID, { nullable: true, description: 'Only authorisations of this processor organisation.' })
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only authorisations for this registry.' })
  registryId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only authorisations granted by this institution (8-digit code).' })
  institutionCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True: only those that hold today (not revoked, today within their validity).' })
  activeOnly?: boolean | null;
}
