import { Arg, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Frequency, Period } from './period';
import { LocalDateScalar, PeriodScalar } from './scalars';

@ObjectType({ description: 'A period with the dates it spans.' })
export class PeriodInfo {
  @Field(() => PeriodScalar, { description: 'The period in canonical form, e.g. `2026K1`.' })
  period!: Period;

  @Field(() => Frequency, { description: 'Month, quarter, half year, year or TOTAL.' })
  kind!: Frequency;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day of the period; null for TOTAAL.' })
  startDate!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of the period; null for TOTAAL.' })
  endDate!: string | null;
}

@Resolver()
export class PeriodResolver {
  @Query(() => PeriodInfo, {
    description: 'Reads a period code and gives its kind and dates; an invalid code is refused with BAD_USER_INPUT.',
  })
  period(@Arg('code', () => PeriodScalar, { description: 'e.g. `2026M03`, `2026K1`, `2026H1`, `2026`, `TOTAAL`.' }) code: Period): PeriodInfo {
    return { period: code, kind: code.kind, startDate: code.startDate, endDate: code.endDate };
  }
}
