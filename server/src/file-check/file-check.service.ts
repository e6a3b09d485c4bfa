import type { RequestContext } from '../kernel/context';
import { FileTooLargeError, type FileUpload } from '../kernel/upload';
import type { CatalogueEntry } from '../dictionaries/package/dictionary-package';
import type { Period } from '../common/period';
import type { StoredFile } from '../storage/file-store';
import { todayInAmsterdam } from '../common/calendar';
import { versionNotAcceptedFinding } from '../dictionaries/version-window';
import { isRefusal, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { checkDeliveryFileName, type Finding, FindingTally, renderFindingMessage, validateDelivery, type ValidationResult } from '@datahub/validation';
import { nodeUtf8Validator } from '@datahub/validation/node';
import type { ReportLine } from '../reports/report.types';
import type { FileCheckReport } from './file-check.types';

export const MAX_FINDINGS_RETURNED = 1000;

/** --dictionary wins; otherwise a conforming file name chooses it (registry and version). */
async function chooseDictionary(
  ctx: RequestContext,
  fileName: string,
  wanted: string | null,
): Promise<{ loaded: CatalogueEntry | null; fileFindings: Finding[] } | Refused> {
  const catalogue = await ctx.services.dictionaries.current(ctx);
  const check = checkDeliveryFileName(fileName, { knownVersions: catalogue.all.map((d) => ({ registry: d.registry, version: d.version })) });
  if (wanted) {
    const loaded = catalogue.byId(wanted);
    if (!loaded) return refuse(ctx.actor.language, RefusalCode.UNKNOWN_DICTIONARY, { params: { dictionary: wanted }, field: 'dictionary' });
    // B07 on the name's registry or version only matters when the name chose the dictionary.
    return { loaded, fileFindings: check.findings.filter((finding) => finding.code !== 'B07') };
  }
  if (!check.fields) return refuse(ctx.actor.language, RefusalCode.DICTIONARY_NOT_NAMED, { field: 'dictionary' });
  // A version past its accepted-until (or not yet accepted): B07, rejected unread, as the upload would be refused.
  const b07 = await versionNotAcceptedFinding(ctx.em, fileName, check.fields, todayInAmsterdam(ctx.services.clock.now()));
  if (b07) return { loaded: null, fileFindings: [...check.findings, b07] };
  return { loaded: catalogue.find(check.fields.registry, undefined, check.fields.version) ?? null, fileFindings: check.findings };
}

function counts(byKey: Record<string, number>): { code: string; count: number }[] {
  return Object.entries(byKey)
    .filter(([, count]) => count > 0)
    .map(([code, count]) => ({ code, count }));
}

/**
 * The upload, encrypted under the storage key in the data folder's spool: the engine reads a file
 * twice when it has duplicate keys, and the request's stream can be read once. Never in clear on disk.
 */
async function spoolUpload(ctx: RequestContext, upload: FileUpload): Promise<StoredFile | Refused> {
  try {
    return await ctx.services.uploadSpool.put(upload.createReadStream());
  } catch (error) {
    const language = ctx.actor.language;
    if (error instanceof FileTooLargeError) return refuse(language, RefusalCode.FILE_TOO_LARGE, { params: { max: error.maxBytes }, field: 'file' });
    return refuse(language, RefusalCode.UPLOAD_ABORTED, { field: 'file' });
  }
}

/**
 * Checks an uploaded file with the same engine and messages as processing, without storing it
 * (the console's "check before delivering"). Identifying values are masked by the engine.
 */
export async function checkUploadedFile(
  ctx: RequestContext,
  upload: FileUpload,
  options: { dictionary: string | null; period: Period | null; maxFindings: number },
): Promise<FileCheckReport | Refused> {
  const chosen = await chooseDictionary(ctx, upload.filename, options.dictionary);
  if (isRefusal(chosen)) {
    upload.createReadStream().destroy();
    return chosen;
  }
  const { loaded, fileFindings } = chosen;
  const language = ctx.actor.language;
  const fallback = loaded ?? ctx.services.dictionaries.all[0];
  if (!fallback) throw new Error('no dictionaries loaded');
  const collected: Finding[] = [];
  let findingCount = 0;
  const limit = Math.min(Math.max(options.maxFindings, 0), MAX_FINDINGS_RETURNED);
  const keep = (finding: Finding) => {
    findingCount += 1;
    if (collected.length < limit) collected.push(finding);
  };
  const period = options.period;
  let result: Pick<ValidationResult, 'status' | 'totals'>;
  if (loaded) {
    const spool = ctx.services.uploadSpool;
    const spooled = await spoolUpload(ctx, upload);
    if (isRefusal(spooled)) return spooled;
    try {
      result = await validateDelivery(() => spool.open(spooled.key), loaded.compiled, {
        fileName: upload.filename,
        period: period ? { code: period.code, start: period.startDate, end: period.endDate } : null,
        deliveryDate: todayInAmsterdam(ctx.services.clock.now()),
        fileFindings,
        onFinding: keep,
        utf8Validator: nodeUtf8Validator,
      });
    } finally {
      await spool.remove(spooled.key).catch(() => undefined);
    }
  } else {
    // A conforming name with an unknown registry or version: B07, the file is rejected unread.
    const tally = new FindingTally();
    for (const finding of fileFindings) {
      tally.add(finding);
      keep(finding);
    }
    upload.createReadStream().destroy();
    result = { status: tally.status(), totals: tally.totals() };
  }
  const view = (finding: Finding, ordinal: number): ReportLine => ({
    ordinal,
    recordNumber: finding.recordNumber,
    code: finding.code,
    class: finding.class,
    field: finding.field,
    message: renderFindingMessage(finding, fallback.dictionary, language),
    keyValues: Object.entries(finding.keyValues ?? {}).map(([name, value]) => ({ name, value })),
  });
  return {
    dictionary: loaded ? `${loaded.registry}/${loaded.subDelivery}/${loaded.version}` : null,
    status: result.status,
    records: result.totals.records,
    accepted: result.totals.accepted,
    rejected: result.totals.rejected,
    byCode: counts(result.totals.byCode),
    byClass: counts(result.totals.byClass),
    findingCount,
    findings: collected.map(view),
  };
}
