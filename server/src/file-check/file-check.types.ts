import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A count per code or class.' })
export class CodeCount {
  @Field(() => String, { description: 'The code (e.g. `005`) or class (e.g. `F`).' })
  code!: string;

  @Field(() => Int, { description: 'How many lines.' })
  count!: number;
}

@ObjectType({ description: "A report key column with this record's value (identifying values are masked)." })
export class KeyValue {
  @Field(() => String, { description: 'Column name.' })
  name!: string;

  @Field(() => String, { description: 'Value.' })
  value!: string;
}

@ObjectType({ description: 'One line of a processing report.' })
export class FileFinding {
  @Field(() => Int, { nullable: true, description: 'Data record number from 1 (the header is not a record); null for the file as a whole.' })
  recordNumber!: number | null;

  @Field(() => String, { description: 'Check code, e.g. `015_X_Y_EQ`.' })
  code!: string;

  @Field(() => String, { description: 'Class: F, W, BF, BW, TF or TW.' })
  class!: string;

  @Field(() => String, { nullable: true, description: 'The field, when the line is about one.' })
  field!: string | null;

  @Field(() => String, { description: "The message in the user's language." })
  message!: string;

  @Field(() => [KeyValue], { description: "The record's report key values (empty for file-level lines)." })
  keyValues!: KeyValue[];
}

@ObjectType({ description: 'The outcome of checking a file, as processing would report it. Nothing is stored.' })
export class FileCheckReport {
  @Field(() => String, { nullable: true, description: 'The dictionary used, `REGISTRY/SubDelivery/version`; null when the file name named an unknown one.' })
  dictionary!: string | null;

  @Field(() => String, { description: 'PROCESSED, PROCESSED_WITH_ERRORS or REJECTED.' })
  status!: string;

  @Field(() => Int, { description: 'Data records read.' })
  records!: number;

  @Field(() => Int, { description: 'Records that would be ingested.' })
  accepted!: number;

  @Field(() => Int, { description: 'Records that would not be ingested.' })
  rejected!: number;

  @Field(() => [CodeCount], { description: 'Lines per check code.' })
  byCode!: CodeCount[];

  @Field(() => [CodeCount], { description: 'Lines per class.' })
  byClass!: CodeCount[];

  @Field(() => Int, { description: 'All report lines.' })
  findingCount!: number;

  @Field(() => [FileFinding], { description: 'The first report lines (at most `maxFindings`), in record order.' })
  findings!: FileFinding[];
}
