import { Field, Int, ObjectType } from 'type-graphql';
import { connectionTypes } from '../common/pagination';

@ObjectType({ description: "A report key column with this record's value (identifying values are masked)." })
export class KeyValue {
  @Field(() => String, { description: 'Column name.' })
  name!: string;

  @Field(() => String, { description: 'Value.' })
  value!: string;
}

/** One shape for every report line: a stored delivery's (Delivery.reportLines) and a checked file's (validateFile). */
@ObjectType('ReportLine', { description: "A line of a processing report, rendered in the user's language." })
export class ReportLine {
  @Field(() => Int, { description: 'Position in the report (0-based); for a checked file, its position in the lines returned.' })
  ordinal!: number;

  @Field(() => Int, { nullable: true, description: 'Data record number from 1; null for the file as a whole.' })
  recordNumber!: number | null;

  @Field(() => String, { description: 'Check code, e.g. `015_X_Y_EQ`.' })
  code!: string;

  @Field(() => String, { description: 'Class: F, W, BF, BW, TF or TW.' })
  class!: string;

  @Field(() => String, { nullable: true, description: 'The field, when the line is about one.' })
  field!: string | null;

  @Field(() => String, { description: 'The message.' })
  message!: string;

  @Field(() => [KeyValue], { description: "The record's report key values (identifying values never appear)." })
  keyValues!: KeyValue[];
}

// No totalCount: counting a report of millions of lines per page is what made deep pages slow;
// Delivery.reportTotals gives the counts per code and class.
export const { Connection: ReportLineConnection } = connectionTypes(() => ReportLine, {
  name: 'ReportLine',
  description: 'A page of report lines in report order. How many lines match: Delivery.reportTotals (per code and class).',
});

@ObjectType({ description: 'How often a code occurs in a report, what it means and how to fix it.' })
export class ReportCodeTotal {
  @Field(() => String, { description: 'Check code.' })
  code!: string;

  @Field(() => String, { description: 'Class.' })
  class!: string;

  @Field(() => Int, { description: 'Lines with this code.' })
  count!: number;

  @Field(() => String, { description: 'What is checked.' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'How to fix it, in plain language.' })
  hint!: string | null;
}
