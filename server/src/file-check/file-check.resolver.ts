import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { type FileUpload, GraphQLUpload } from '../kernel/upload';
import type { Period } from '../common/period';
import { PeriodScalar } from '../common/scalars';
import { checkUploadedFile, MAX_FINDINGS_RETURNED } from './file-check.service';
import { FileCheckReport } from './file-check.types';
import { type Refused, resultUnion } from '../kernel/refusal';

const ValidateFileResult = resultUnion(
  'ValidateFileResult',
  'The report of the check, or why the file could not be checked (no dictionary for it).',
  FileCheckReport,
);

@Resolver()
export class FileCheckResolver {
  @Authorized()
  @Query(() => ValidateFileResult, {
    description:
      'Checks a file (multipart upload, one file) against its dictionary exactly as processing would, and returns the report. Nothing is kept: the file is held encrypted while it is checked, then removed.',
  })
  async validateFile(
    @Ctx() ctx: RequestContext,
    @Arg('file', () => GraphQLUpload, { description: 'The CSV or XML file.' }) file: Promise<FileUpload>,
    @Arg('dictionary', () => String, { nullable: true, description: '`REGISTRY/SubDelivery/version`; taken from a conforming file name when omitted.' })
    dictionary?: string | null,
    @Arg('period', () => PeriodScalar, { nullable: true, description: "The delivery's period, for 020_Period." }) period?: Period | null,
    @Arg('maxFindings', () => Int, { defaultValue: 200, description: `How many report lines to return (0–${MAX_FINDINGS_RETURNED}); totals count them all.` })
    maxFindings: number = 200,
  ): Promise<FileCheckReport | Refused> {
    return checkUploadedFile(ctx, await file, { dictionary: dictionary ?? null, period: period ?? null, maxFindings });
  }
}
