import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Organisation } from '../access/organisation.entity';
import { DataRequestState } from './data-request-state';
import { DataLevel, DataRequestKind, InstitutionSelection, UsageContext } from './data-request-enums';

/** Hub staff's considerations in an assessment (protocol art. 5). */
@ObjectType({ description: "Hub staff's considerations in the assessment of a data request." })
export class Considerations {
  @Field(() => String, { description: 'Legal frameworks (e.g. competition law).' })
  legal!: string;

  @Field(() => String, { description: 'Privacy of persons.' })
  privacy!: string;

  @Field(() => String, { description: 'Competition.' })
  competition!: string;

  @Field(() => String, { description: 'Interests of the sector, the hospitals and persons concerned.' })
  sector!: string;
}

/**
 * A data request (gegevensverzoek) under the protocol: the form as the requester filled it in, the
 * hub's assessment and decision (which can narrow the scope), and the dates of delivery, usage right
 * and destruction. Kept for good, drafts included; a step's due date is kept beside the state so the
 * queue finds overdue steps in SQL.
 */
@ObjectType({ description: 'A data request (gegevensverzoek) under the protocol for third-party use of the held data.' })
@Entity({ tableName: 'data_request' })
@Index({ properties: ['requesterOrganisation', 'createdAt'] })
@Index({ properties: ['state', 'stepDueOn'] })
export class DataRequest {
  [OptionalProps]?:
    | 'state'
    | 'createdAt'
    | 'stateSince'
    | 'kindConfirmed'
    | 'identifyingData'
    | 'committeeReferred'
    | 'coRequesters'
    | 'purpose'
    | 'usageContext'
    | 'declaredUsageContext'
    | 'dataset'
    | 'fields'
    | 'level'
    | 'years'
    | 'institutionSelection'
    | 'institutionIds';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { ref: true, deleteRule: 'restrict' })
  requesterOrganisation!: Ref<Organisation>;

  /** The user who made the request (no foreign key: the request outlives accounts). */
  @Property({ type: 'uuid', nullable: true })
  createdByUserId?: string | null;

  @Field(() => [String], { description: 'Other requesting organisations of a joint request, by name (art. 1.1).' })
  @Property({ type: 'text[]' })
  coRequesters: string[] = [];

  @Field(() => String, { description: 'What the data will be used for (art. 1.2).' })
  @Property({ type: 'text' })
  purpose: string = '';

  @Field(() => UsageContext, { description: 'The usage context as it stands (hub staff may correct the one declared).' })
  @Enum({ items: () => UsageContext, type: 'string' })
  usageContext: UsageContext = UsageContext.SCIENTIFIC;

  @Field(() => UsageContext, { description: 'The usage context the requester declared.' })
  @Enum({ items: () => UsageContext, type: 'string' })
  declaredUsageContext: UsageContext = UsageContext.SCIENTIFIC;

  @Field(() => Int, { nullable: true, description: 'The agreed term in months in which the purpose is met (art. 1.3); none: the usage right lasts one year.' })
  @Property({ type: 'int', nullable: true })
  termMonths?: number | null;

  @Field(() => String, { description: '`LBZ` or the code of a registry.' })
  @Property({ type: 'string', length: 20 })
  dataset: string = 'LBZ';

  @Field(() => [String], { description: "The fields asked for, from the dataset's checklist (art. 2)." })
  @Property({ type: 'text[]' })
  fields: string[] = [];

  @Field(() => DataLevel, { description: 'Detail or aggregated.' })
  @Enum({ items: () => DataLevel, type: 'string' })
  level: DataLevel = DataLevel.AGGREGATED;

  @Field(() => String, { nullable: true, description: 'Which aggregation, when aggregated.' })
  @Property({ type: 'text', nullable: true })
  aggregation?: string | null;

  @Field(() => [Int], { description: 'Registration years asked for; the fee is per year.' })
  @Property({ type: 'json' })
  years: number[] = [];

  @Field(() => InstitutionSelection, { description: 'Whose data (art. 1.5).' })
  @Enum({ items: () => InstitutionSelection, type: 'string' })
  institutionSelection: InstitutionSelection = InstitutionSelection.ALL;

  /** The institutions of a LIST selection; exposed as `institutions`. */
  @Property({ columnType: 'uuid[]', type: 'string[]' })
  institutionIds: string[] = [];

  @Field(() => String, { nullable: true, description: 'First day of the period the data covers (art. 1.6).' })
  @Property({ type: 'date', nullable: true })
  periodFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of the period the data covers.' })
  @Property({ type: 'date', nullable: true })
  periodTo?: string | null;

  @Field(() => String, { nullable: true, description: 'The desired delivery date (art. 1.7).' })
  @Property({ type: 'date', nullable: true })
  desiredDeliveryOn?: string | null;

  @Field(() => Boolean, { description: 'Identifying data (of persons or institutions) is asked: only with every institution’s written order.' })
  @Property({ type: 'boolean' })
  identifyingData: boolean = false;

  @Field(() => String, { nullable: true, description: 'The protocol version accepted with the delivery conditions when submitted (art. 1.8).' })
  @Property({ type: 'string', length: 100, nullable: true })
  protocolVersion?: string | null;

  @Field(() => DataRequestKind, { nullable: true, description: 'Own data, joint, NFU/NVZ or third party: detected when submitted.' })
  @Enum({ items: () => DataRequestKind, type: 'string', nullable: true })
  kind?: DataRequestKind | null;

  @Field(() => Boolean, { description: 'Hub staff confirmed the kind and the usage context.' })
  @Property({ type: 'boolean' })
  kindConfirmed: boolean = false;

  @Field(() => DataRequestState, { description: 'Where the request stands.' })
  @Enum({ items: () => DataRequestState, type: 'string' })
  state: DataRequestState = DataRequestState.DRAFT;

  @Field(() => Date, { description: 'Since when it is in this state (UTC).' })
  @Property({ type: 'datetime' })
  stateSince: Date = new Date();

  @Field(() => String, { nullable: true, description: "The step's target date (working days, Dutch public holidays excluded); none where no target applies." })
  @Property({ type: 'date', nullable: true })
  stepDueOn?: string | null;

  @Field(() => Considerations, { nullable: true, description: "Hub staff's considerations." })
  @Property({ type: 'json', nullable: true })
  considerations?: Considerations | null;

  @Field(() => Boolean, { description: 'Referred to the privacy committee: its advice is needed before the decision.' })
  @Property({ type: 'boolean' })
  committeeReferred: boolean = false;

  @Field(() => String, { nullable: true, description: "The privacy committee's advice." })
  @Property({ type: 'text', nullable: true })
  committeeAdvice?: string | null;

  @Field(() => String, { nullable: true, description: 'Who recorded the advice.' })
  @Property({ type: 'string', length: 200, nullable: true })
  committeeAdviceBy?: string | null;

  @Field(() => String, { nullable: true, description: 'The decision letter.' })
  @Property({ type: 'text', nullable: true })
  decisionLetter?: string | null;

  @Field(() => String, { nullable: true, description: 'Conditions of use set with the decision.' })
  @Property({ type: 'text', nullable: true })
  conditions?: string | null;

  @Field(() => String, { nullable: true, description: 'The purpose as narrowed by the decision (the one the usage right is for).' })
  @Property({ type: 'text', nullable: true })
  narrowedPurpose?: string | null;

  @Field(() => [String], { nullable: true, description: 'The fields as narrowed by the decision.' })
  @Property({ type: 'text[]', nullable: true })
  narrowedFields?: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'The registration years as narrowed by the decision.' })
  @Property({ type: 'json', nullable: true })
  narrowedYears?: number[] | null;

  /** The institutions as narrowed by the decision; exposed as `narrowedInstitutions`. */
  @Property({ columnType: 'uuid[]', type: 'string[]', nullable: true })
  narrowedInstitutionIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Delivery date: the usage right runs from here.' })
  @Property({ type: 'date', nullable: true })
  deliveredOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The day the usage right ends (the agreed term, or one year).' })
  @Property({ type: 'date', nullable: true })
  usageEndsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Destruction must be confirmed by this day: three calendar months after the usage right ends.' })
  @Property({ type: 'date', nullable: true })
  destructionDueOn?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the decision (approval, approval with conditions, rejection) was taken (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  decidedAt?: Date | null;

  /** The delivery extract in the encrypted file store; exposed as `extract`. */
  @Property({ type: 'text', nullable: true })
  extractKey?: string | null;

  // A nullable union has no reflected type: say the mode, or MikroORM reads a JS bigint.
  @Property({ type: new BigIntType('string'), nullable: true })
  extractSize?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  extractSha256?: string | null;

  @Property({ type: 'int', nullable: true })
  extractRowCount?: number | null;

  @Property({ type: 'int', nullable: true })
  extractSuppressedCells?: number | null;

  @Property({ type: 'datetime', nullable: true })
  extractCreatedAt?: Date | null;

  @Property({ type: 'string', length: 200, nullable: true })
  extractCreatedBy?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the extract was first downloaded (UTC); the request is then IN_USE.' })
  @Property({ type: 'datetime', nullable: true })
  firstDownloadedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the reminder one month before the destruction deadline was mailed (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  destructionReminderMonthSentAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the reminder one week before the destruction deadline was mailed (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  destructionReminderWeekSentAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When hub staff were mailed that the destruction is overdue (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  destructionEscalatedAt?: Date | null;

  /** The destruction statement; exposed as `destruction`. */
  @Property({ type: 'text', nullable: true })
  destructionStatement?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  destructionName?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  destructionFunction?: string | null;

  @Property({ type: 'datetime', nullable: true })
  destructionConfirmedAt?: Date | null;

  @Property({ type: 'boolean', nullable: true })
  destructionRecordedByHub?: boolean | null;

  @Property({ type: 'text', nullable: true })
  destructionEvidenceKey?: string | null;

  // A nullable union has no reflected type: say the mode, or MikroORM reads a JS bigint.
  @Property({ type: new BigIntType('string'), nullable: true })
  destructionEvidenceSize?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  destructionEvidenceSha256?: string | null;

  @Property({ type: 'string', length: 20, nullable: true })
  destructionEvidenceType?: string | null;

  @Field(() => Date, { nullable: true, description: 'Published in the register of approved requests since (UTC); null: not published.' })
  @Property({ type: 'datetime', nullable: true })
  registerPublishedAt?: Date | null;

  @Field(() => ID, { nullable: true, description: 'The request this one was cloned from.' })
  @Property({ type: 'uuid', nullable: true })
  clonedFromId?: string | null;

  @Field(() => Date, { description: 'When it was made (UTC).' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** One step of a data request's life cycle: who moved it, when and why; `from` is null for its creation. */
@ObjectType({ description: "One step in a data request's life cycle." })
@Entity({ tableName: 'data_request_transition' })
@Index({ properties: ['request', 'at'] })
export class DataRequestTransition {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => DataRequest, { ref: true, deleteRule: 'cascade' })
  request!: Ref<DataRequest>;

  @Field(() => DataRequestState, { nullable: true, description: 'The state before; null when the request was made by this step.' })
  @Enum({ items: () => DataRequestState, type: 'string', nullable: true })
  fromState?: DataRequestState | null;

  @Field(() => DataRequestState, { description: 'The state after.' })
  @Enum({ items: () => DataRequestState, type: 'string' })
  toState!: DataRequestState;

  @Field(() => Date, { description: 'When (UTC).' })
  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'uuid', nullable: true })
  actorUserId?: string | null;

  @Field(() => String, { description: 'Who: the name of the person.' })
  @Property({ type: 'string', length: 200 })
  actorName!: string;

  @Field(() => String, { nullable: true, description: 'Why, in the words of whoever moved it.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
