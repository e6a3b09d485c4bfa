import { connectionTypes } from '../../common/pagination';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Period } from '../../common/period';
import { LocalDateScalar, PeriodScalar } from '../../common/scalars';

export enum CompletenessDimension {
  REGISTRY = 'REGISTRY',
  SUB_DELIVERY = 'SUB_DELIVERY',
  PERIOD = 'PERIOD',
  INSTITUTION = 'INSTITUTION',
}

registerEnumType(CompletenessDimension, {
  name: 'CompletenessDimension',
  description: 'What completeness rows are grouped by.',
  valuesConfig: {
    REGISTRY: { description: 'Per registry.' },
    SUB_DELIVERY: { description: 'Per sub-delivery (implies its registry).' },
    PERIOD: { description: 'Per period (TOTAAL per year it covers: see periodEnd).' },
    INSTITUTION: { description: 'Per institution.' },
  },
});

@InputType('CompletenessFilterInput', { description: 'Which expected deliveries completeness counts; all given conditions must hold.' })
export class CompletenessFilter {
  @Field(() => String, { nullable: true, description: 'Registry code, e.g. `CAT`.' })
  registry?: string | null;

  @Field(() => String, { nullable: true, description: 'Sub-delivery code, e.g. `IKNL`.' })
  subDelivery?: string | null;

  @Field(() => PeriodScalar, { nullable: true, description: "Only periods starting on or after this period's first day (TOTAAL: no bound)." })
  periodFrom?: Period | null;

  @Field(() => PeriodScalar, { nullable: true, description: "Only periods ending on or before this period's last day (TOTAAL: no bound)." })
  periodTo?: Period | null;

  @Field(() => String, { nullable: true, description: 'Institution code (8 digits).' })
  institution?: string | null;
}

/**
 * One group of expected deliveries whose deadline has passed by `asOf`: counts and rates. An
 * institution counts only for periods it participates in, so rates never exceed 1.
 */
@ObjectType({ description: 'Completeness of one group: expected deliveries whose deadline has passed, and how they were delivered.' })
export class CompletenessRow {
  registryId!: string | null;
  subDeliveryId!: string | null;
  institutionId!: string | null;
  /** When grouped by INSTITUTION (for the matrix, which names its rows without per-row lookups). */
  institutionCode!: string | null;
  institutionName!: string | null;

  @Field(() => PeriodScalar, { nullable: true, description: 'The period, when grouped by PERIOD.' })
  period?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of the period, when grouped by PERIOD (tells TOTAAL years apart).' })
  periodEnd?: string | null;

  @Field(() => Int, { description: 'Expected deliveries whose deadline has passed (deadline before asOf).' })
  expected!: number;

  @Field(() => Int, { description: 'Of those, fulfilled by asOf (a production delivery processed, with or without errors).' })
  delivered!: number;

  @Field(() => Int, { description: 'Fulfilled on or before the deadline.' })
  onTime!: number;

  @Field(() => Int, { description: 'Fulfilled after the deadline.' })
  late!: number;

  @Field(() => Int, { description: 'Not fulfilled (expected − delivered).' })
  missing!: number;

  @Field(() => Float, { description: 'delivered / expected, a fraction from 0 to 1.' })
  rate!: number;

  @Field(() => Float, { description: 'onTime / expected, a fraction from 0 to 1.' })
  onTimeRate!: number;
}

@ObjectType({ description: 'Records delivered for a period compared with the same period a year earlier (volume plausibility).' })
export class VolumeChange {
  institutionId!: string;
  registryId!: string;
  subDeliveryId!: string;

  @Field(() => PeriodScalar, { description: 'The period.' })
  period!: string;

  @Field(() => PeriodScalar, { description: 'The same period a year earlier.' })
  previousPeriod!: string;

  @Field(() => Int, { description: 'Records in the most recent processed production delivery for the period.' })
  records!: number;

  @Field(() => Int, { description: 'The same for the period a year earlier.' })
  previousRecords!: number;

  @Field(() => Float, { nullable: true, description: '(records − previousRecords) / previousRecords; null when previousRecords is 0.' })
  change?: number | null;

  @Field(() => Boolean, { description: 'True when the change exceeds the threshold (or records appear where there were none).' })
  flagged!: boolean;
}

// No totalCount: the comparisons are computed over every institution, stream and period each time.
export const { Connection: VolumeChangeConnection } = connectionTypes(() => VolumeChange, {
  name: 'VolumeChange',
  description: 'A page of volume comparisons, newest periods first, then by institution code.',
});
