import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/pagination';

@ObjectType('ForwardedFieldValue', { description: 'One authorised field of a forwarded record, as delivered (pseudonyms stay pseudonyms).' })
export class ForwardedFieldValueView {
  @Field(() => String, { description: 'The dictionary field name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The value as text; null when empty.' })
  value!: string | null;
}

@ObjectType('ForwardedRecord', { description: 'One held record as forwarded: the same columns as the CSV and NDJSON streams.' })
export class ForwardedRecordView {
  @Field(() => String, { description: 'The record key, its fields joined by " / ".' })
  recordKey!: string;

  @Field(() => Int, { description: 'Version number, 1 for the first.' })
  version!: number;

  @Field(() => String, { description: "The institution's 8-digit code." })
  institution!: string;

  @Field(() => String, { description: 'The period of the delivery that brought this version, as delivered (e.g. 2026K1).' })
  period!: string;

  @Field(() => String, { description: 'CURRENT, or WITHDRAWN (only in a changed-since fetch): the record is no longer held; drop it.' })
  status!: string;

  @Field(() => [ForwardedFieldValueView], { nullable: true, description: "The authorised fields in the authorisation's order; null for a withdrawn record." })
  fields!: ForwardedFieldValueView[] | null;
}

export const { Connection: ForwardedRecordConnection } = connectionTypes(() => ForwardedRecordView, {
  name: 'ForwardedRecord',
  description: 'A page of forwarded records in change order; every page is recorded as an afname.',
});

@ObjectType('ForwardedRecords', { description: 'A page of the records an authorisation covers, and what to pass next time.' })
export class ForwardedRecordsView {
  @Field(() => ForwardedRecordConnection, { description: 'The page: pass pageInfo.endCursor as `after` while hasNextPage.' })
  records!: InstanceType<typeof ForwardedRecordConnection>;

  @Field(() => String, {
    description:
      'The "changed since" cursor of this read: once the last page is read, pass it as `since` (here or to the streams) to receive only what changed afterwards.',
  })
  changeCursor!: string;

  @Field(() => ID, { description: 'The afname this page was recorded as.' })
  afnameId!: string;
}
