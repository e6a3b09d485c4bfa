import { Field, InputType, Int } from 'type-graphql';
import { Channel } from '../registries/channel';
import type { Period } from '../common/period';
import { LocalDateScalar, PeriodScalar } from '../common/scalars';
import { DeliveryStatus } from './delivery-status';

@InputType({
  description:
    'What a file is. With a conforming file name only `period` (and `test`) are needed; otherwise fill in the rest by hand (the report then says B08).',
})
export class UploadDeliveryInput {
  @Field(() => PeriodScalar, { description: 'The period the file covers, e.g. `2026K1`.' })
  period!: Period;

  @Field(() => Boolean, { nullable: true, description: 'A test delivery (also when the name says TEST): checked and reported, never ingested.' })
  test?: boolean | null;

  @Field(() => String, { nullable: true, description: '8-digit institution code (from the name when it conforms).' })
  institutionCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Unit number (instellingsonderdeel).' })
  unit?: number | null;

  @Field(() => String, { nullable: true, description: 'Registry code, e.g. `CAT`.' })
  registry?: string | null;

  @Field(() => String, { nullable: true, description: 'Dictionary version, e.g. `1.4`.' })
  version?: string | null;

  @Field(() => Int, { nullable: true, description: 'Sequence number (volgnummer).' })
  sequenceNumber?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Creation date (aanmaakdatum), `YYYY-MM-DD`.' })
  creationDate?: string | null;
}

@InputType('DeliveryFilterInput', { description: 'Which deliveries to list; all given conditions must hold.' })
export class DeliveryFilter {
  @Field(() => String, { nullable: true, description: 'Institution code (hub staff; others see their own).' })
  institutionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Registry code.' })
  registry?: string | null;

  @Field(() => String, { nullable: true, description: 'Sub-delivery code.' })
  subDelivery?: string | null;

  @Field(() => Channel, { nullable: true, description: 'Channel.' })
  channel?: Channel | null;

  @Field(() => [DeliveryStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: DeliveryStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only test (true) or only production (false) deliveries.' })
  test?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Delivered on or after this date.' })
  deliveredFrom?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Delivered on or before this date.' })
  deliveredTo?: string | null;

  @Field(() => PeriodScalar, { nullable: true, description: 'Only this period.' })
  period?: Period | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only the most recent (re)delivery per institution, sub-delivery, period and test flag (TOTAAL: per delivery year, as one delivered in year Y+1 covers year Y).',
  })
  latestOnly?: boolean | null;
}
