import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('Afname', { description: 'One fetch of held records by a processor (afname), as recorded when its stream ended.' })
export class AfnameView {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => Date, { description: 'When the fetch ended.' })
  fetchedAt!: Date;

  @Field(() => ID, { nullable: true, description: 'The processor organisation that fetched.' })
  organisationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The user who fetched; null for an API token.' })
  userId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The API token that fetched; null for a signed-in user.' })
  tokenId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The authorisation (machtiging) the fetch was made under.' })
  authorisationId!: string | null;

  @Field(() => String, { description: 'csv or ndjson.' })
  format!: string;

  @Field(() => Int, { description: 'Current record versions handed over.' })
  recordCount!: number;

  @Field(() => Boolean, { description: 'Changes since a cursor, not every current record.' })
  incremental!: boolean;

  @Field(() => Boolean, { description: 'False when the client broke off before the end.' })
  complete!: boolean;
}

@ObjectType('RecordVersionRef', { description: 'One version of a held record.' })
export class RecordVersionRefView {
  @Field(() => String, { description: 'The record key, its fields joined by " / ".' })
  recordKey!: string;

  @Field(() => Int, { description: 'Version number, 1 for the first.' })
  version!: number;

  @Field(() => ID, { description: 'The delivery that brought this version.' })
  deliveryId!: string;
}

@ObjectType('AfnameReceipt', { description: 'Which versions of a delivery one afname received.' })
export class AfnameReceiptView {
  @Field(() => AfnameView, { description: 'The fetch.' })
  afname!: AfnameView;

  @Field(() => [RecordVersionRefView], { description: 'Exactly the versions of this delivery it received, by key.' })
  versions!: RecordVersionRefView[];
}

@ObjectType('DeliveryLineage', { description: "Where a delivery's records went: per afname, exactly which versions." })
export class DeliveryLineageView {
  @Field(() => ID, { description: 'The delivery.' })
  deliveryId!: string;

  @Field(() => Int, { description: 'Versions the delivery brought that the hub holds (current or replaced).' })
  versionCount!: number;

  @Field(() => [AfnameReceiptView], { description: 'The afnames that received any of them, oldest first.' })
  receipts!: AfnameReceiptView[];
}

@ObjectType('RecordVersionLineage', { description: 'One version of a record and who received it.' })
export class RecordVersionLineageView extends RecordVersionRefView {
  @Field(() => Boolean, { description: 'The version held now (withdrawn or not).' })
  current!: boolean;

  @Field(() => Boolean, { description: 'Withdrawn: its delivery was superseded by one without it.' })
  withdrawn!: boolean;

  @Field(() => [AfnameView], { description: 'The afnames that received this version, oldest first.' })
  receivedBy!: AfnameView[];
}

@InputType('AfnameFilterInput', { description: 'Filters of the afname list; all optional, combined with AND.' })
export class AfnameFilter {
  @Field(() => ID, { nullable: true, description: 'Only fetches from this registry.' })
  registryId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only fetches by this processor organisation.' })
  organisationId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Only fetches at or after this moment.' })
  fetchedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only fetches before this moment.' })
  fetchedBefore?: Date | null;
}
