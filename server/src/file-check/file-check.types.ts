import { Field, Int, ObjectType } from 'type-graphql';
import { ReportLine } from '../reports/report.types';

@ObjectType({ description: 'A count per code or class.' })
export class CodeCount {
  @Field(() => String, { description: 'The code (e.g. `005`) or class (e.g. `F`).' })
  code!: string;

  @Field(() => Int, { description: 'How many lines.' })
  count!: number;
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

  @Field(() => [ReportLine], { description: 'The first report lines (at most `maxFindings`), in record order: the same lines processing would store.' })
  findings!: ReportLine[];
}
