import { Field, Int, ObjectType } from 'type-graphql';
import { Refused, resultUnion } from '../kernel/refusal';
import { connectionTypes } from '../common/pagination';
import { LocalDateScalar } from '../common/scalars';
import { Delivery } from './delivery.entity';

export const UploadDeliveryResult = resultUnion(
  'UploadDeliveryResult',
  'The delivery, stored and queued for processing; or why it was refused (nothing stored).',
  Delivery,
);

export const { Connection: DeliveryConnection } = connectionTypes(() => Delivery, {
  name: 'Delivery',
  description: 'A page of deliveries, newest first.',
  totalCount: 'Deliveries matching the filter, counted with each page: one index scan over the deliveries you may see (hub-wide some hundreds of thousands).',
});

@ObjectType({ description: 'What a file name says and what "Controleren" finds about it before delivering.' })
export class FileNameCheckResult {
  @Field(() => Boolean, { description: 'True when the name follows the convention.' })
  conforming!: boolean;

  @Field(() => String, { nullable: true, description: '8-digit institution code from the name.' })
  institutionCode!: string | null;

  @Field(() => Int, { nullable: true, description: 'Unit number.' })
  unit!: number | null;

  @Field(() => String, { nullable: true, description: 'Registry code.' })
  registry!: string | null;

  @Field(() => String, { nullable: true, description: 'Sub-delivery the registry and version belong to.' })
  subDelivery!: string | null;

  @Field(() => String, { nullable: true, description: 'Dictionary version.' })
  version!: string | null;

  @Field(() => Int, { nullable: true, description: 'Sequence number.' })
  sequenceNumber!: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Creation date.' })
  creationDate!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'TEST in the name.' })
  test!: boolean | null;

  @Field(() => [Refused], {
    description:
      'The refusals a delivery under this name would get (not yours, unknown unit or version, creation date in the future): the codes and messages uploadDelivery would answer. Empty for a non-conforming name: its fields are filled in by hand.',
  })
  problems!: Refused[];

  @Field(() => [String], {
    description: 'Warnings that do not stop a delivery: B09 (sequence number), B08 (hand-filled name) and which parts of a non-conforming name are off.',
  })
  warnings!: string[];
}
