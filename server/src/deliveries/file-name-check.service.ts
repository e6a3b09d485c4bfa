import type { RequestContext } from '../kernel/context';
import { todayInAmsterdam } from '../common/calendar';
import { renderFindingMessage, checkDeliveryFileName as checkName } from '@datahub/validation';
import { isRefusal, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { fillIn, messages } from '../common/messages';
import { cleanFileName } from './delivery-file-name';
import { lastSequenceNumber, sequenceNumberFinding } from './sequence-number';
import { resolveDeliveryTarget } from './delivery-target';
import type { FileNameCheckResult } from './delivery.types';

/**
 * The portal's "Controleren" for the name: its fields, or what is wrong; then the same checks the
 * upload will make (own institution and unit, registry and version known and active, creation date
 * not in the future, sequence number higher than the last one used: B09 warning).
 */
export async function checkFileNameForDelivery(ctx: RequestContext, fileName: string): Promise<FileNameCheckResult> {
  const language = ctx.actor.language;
  const catalogue = ctx.services.dictionaries;
  // The upload reads and stores the name without bidirectional and control characters: so does the check.
  const cleaned = cleanFileName(fileName);
  const check = checkName(cleaned.name, { knownVersions: catalogue.all.map((d) => ({ registry: d.registry, version: d.version })) });
  const fields = check.fields;
  // A name that does not conform only means the fields are filled in by hand (B08): its parts are
  // hints, not problems; problems are what would make the upload be refused.
  const problems: Refused[] = [];
  const text = messages(language).fileName;
  const partText = (part: string): string => (part in text.part ? text.part[part as keyof typeof text.part] : part);
  const warnings = cleaned.removed.length ? [fillIn(text.removed, { characters: cleaned.removed.join(', ') })] : [];
  warnings.push(...check.problems.map((problem) => fillIn(text.check, { part: partText(problem.part) })));
  const fallback = catalogue.all[0];
  let subDelivery: string | null = null;
  if (fields) {
    const target = await resolveDeliveryTarget(ctx.em, ctx.actor, cleaned.name, {}, todayInAmsterdam(ctx.services.clock.now()));
    if (!isRefusal(target)) {
      subDelivery = target.subDelivery.code;
      const last = await lastSequenceNumber((sql, params) => ctx.em.getConnection().execute(sql, params), {
        institutionId: target.institution.id,
        registryId: target.registry.id,
      });
      const b09 = sequenceNumberFinding(fields.sequenceNumber, last);
      if (b09 && fallback) warnings.push(renderFindingMessage(b09, fallback.dictionary, language));
      if (fields.creationDate > todayInAmsterdam(ctx.services.clock.now()))
        problems.push(refuse(language, RefusalCode.CREATION_DATE_FUTURE, { params: { date: fields.creationDate }, field: 'creationDate' }));
    } else {
      problems.push(target);
    }
  } else if (fallback) {
    warnings.push(...check.findings.map((finding) => renderFindingMessage(finding, fallback.dictionary, language)));
  }
  return {
    conforming: fields !== null,
    institutionCode: fields?.institutionCode ?? null,
    unit: fields?.unit ?? null,
    registry: fields?.registry ?? null,
    subDelivery,
    version: fields?.version ?? null,
    sequenceNumber: fields?.sequenceNumber ?? null,
    creationDate: fields?.creationDate ?? null,
    test: fields?.test ?? null,
    problems,
    warnings,
  };
}
