import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, PeriodScalar } from '../../common/scalars';

/** How a heat-map cell is coloured: the worst of its expected deliveries whose deadline has passed. */
export enum CompletenessCellState {
  NONE = 'NONE',
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  MISSING = 'MISSING',
}

registerEnumType(CompletenessCellState, {
  name: 'CompletenessCellState',
  description: 'The state of one institution × period cell of the completeness matrix.',
  valuesConfig: {
    NONE: { description: 'Nothing expected whose deadline has passed.' },
    ON_TIME: { description: 'Everything expected was delivered on time.' },
    LATE: { description: 'Everything expected was delivered, some of it late.' },
    MISSING: { description: 'Something expected was not delivered.' },
  },
});

@ObjectType({ description: 'An institution, a row of the completeness matrix.' })
export class CompletenessMatrixInstitution {
  @Field(() => String, { description: '8-digit institution code.' })
  code!: string;

  @Field(() => String, { description: 'The institution name.' })
  name!: string;
}

/**
 * Completeness per institution × period as a matrix of scalars (the heat map): one GraphQL field
 * per list instead of thousands of objects, which graphql-js would resolve field by field. Every
 * cell list is row-major: the cell of institution `i` and period `p` is at `i × periods.length + p`.
 * The numbers are those of `completeness` grouped by INSTITUTION and PERIOD.
 */
@ObjectType({
  description:
    'Completeness per institution × period as scalar lists (a heat map). Cell lists are row-major: institution i, period p at index i × periods.length + p. The same numbers as `completeness` grouped by INSTITUTION and PERIOD; a cell without expected deliveries is 0.',
})
export class CompletenessMatrix {
  @Field(() => [CompletenessMatrixInstitution], { description: 'The rows, by institution code.' })
  institutions!: CompletenessMatrixInstitution[];

  @Field(() => [PeriodScalar], { description: 'The columns in the one period order (TOTAAL once per year it covers: see periodEnds).' })
  periods!: string[];

  @Field(() => [LocalDateScalar], { description: 'The last day of each column period (tells TOTAAL years apart).' })
  periodEnds!: string[];

  @Field(() => [Int], { description: 'Expected deliveries whose deadline has passed, per cell.' })
  expected!: number[];

  @Field(() => [Int], { description: 'Of those, fulfilled by asOf, per cell.' })
  delivered!: number[];

  @Field(() => [Int], { description: 'Fulfilled on or before the deadline, per cell.' })
  onTime!: number[];

  @Field(() => [Int], { description: 'Fulfilled after the deadline, per cell.' })
  late!: number[];

  @Field(() => [Int], { description: 'Not fulfilled, per cell.' })
  missing!: number[];

  @Field(() => [CompletenessCellState], { description: 'The state of each cell (its colour in the heat map).' })
  states!: CompletenessCellState[];
}
