import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { Period } from '../common/period';
import { PeriodScalar } from '../common/scalars';

/** Where an entry stands, for the list of a period's entries. */
export enum EntryStatus {
  HAS_ERRORS = 'HAS_ERRORS',
  COMPLETE = 'COMPLETE',
  SUBMITTED = 'SUBMITTED',
}

registerEnumType(EntryStatus, {
  name: 'EntryStatus',
  description: 'Where an entry of the entry portal stands.',
  valuesConfig: {
    HAS_ERRORS: { description: 'A draft the engine finds an error in (class F or TF): it would be rejected if submitted as it is.' },
    COMPLETE: { description: 'A draft without errors (warnings allowed), new or changed since the last submit.' },
    SUBMITTED: { description: 'Carried unchanged by the last submitted delivery of its period.' },
  },
});

@ObjectType({ description: 'The value of one dictionary field of an entry, as entered (text, as in a delivery file).' })
export class FieldValue {
  @Field(() => String, { description: 'The field name as in the dictionary, e.g. `OperatieDatum`.' })
  field!: string;

  @Field(() => String, { description: 'The value as it would stand in a CSV cell; empty for no value.' })
  value!: string;
}

@InputType({ description: 'The value of one dictionary field.' })
export class FieldValueInput {
  @Field(() => String, { description: 'The field name as in the dictionary.' })
  field!: string;

  @Field(() => String, {
    description: 'The value as it would stand in a CSV cell (dates `YYYY-MM-DD`, decimals with a point, codes as in the reference table); empty for none.',
  })
  value!: string;
}

@ObjectType({ description: "A finding of the validation engine on an entry: the same code and message a delivery's report would give." })
export class EntryFinding {
  @Field(() => String, { description: 'The check code, e.g. `002_Type`, `010_Cond`, `003_Y_EQ`.' })
  code!: string;

  @Field(() => String, { description: 'Message class: F and TF reject the record, W and TW warn.' })
  class!: string;

  @Field(() => String, { nullable: true, description: 'The field it is about.' })
  field!: string | null;

  @Field(() => String, { description: "The engine's message in the caller's language." })
  message!: string;
}

@InputType({ description: 'An entry to save: new without `id`, changed with it.' })
export class SaveEntryDraftInput {
  @Field(() => ID, { nullable: true, description: 'The entry to change; absent for a new one.' })
  id?: string | null;

  @Field(() => ID, { description: 'The institution it is entered for.' })
  institutionId!: string;

  @Field(() => Int, { description: 'Unit number (instellingsonderdeel).' })
  unit!: number;

  @Field(() => ID, { description: 'The sub-delivery (e.g. CAT Cataract).' })
  subDeliveryId!: string;

  @Field(() => String, { description: 'Dictionary version the values follow, e.g. `1.4`.' })
  version!: string;

  @Field(() => PeriodScalar, { description: 'The period it belongs to, e.g. `2026K1`.' })
  period!: Period;

  @Field(() => [FieldValueInput], { description: 'The values by field; a field left out is empty.' })
  values!: FieldValueInput[];
}

@ObjectType({
  description:
    'A sub-delivery the caller enters by hand at an institution (entry portal): a submitter there, and the entry portal its active channel for the registry.',
})
export class EntryPortalTarget {
  @Field(() => Institution, { description: 'The institution.' })
  institution!: Institution;

  @Field(() => SubDelivery, { description: 'The sub-delivery entered for.' })
  subDelivery!: SubDelivery;

  @Field(() => String, { description: 'Registry code, e.g. `CAT`.' })
  registry!: string;

  @Field(() => String, { description: 'The dictionary version to enter by today, e.g. `1.4`.' })
  version!: string;

  @Field(() => String, {
    description: 'The dictionary as `REGISTRY/SubDelivery/version`: its JSON is at `/api/dictionaries/<id>.json` (for the form and its checks in the browser).',
  })
  dictionaryPath!: string;
}
