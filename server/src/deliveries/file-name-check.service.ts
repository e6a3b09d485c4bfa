import type { RequestContext } from '../kernel/context';
import { todayInAmsterdam } from '../shared/calendar';
import { renderFindingMessage, checkDeliveryFileName as checkName } from '@datahub/validation';
import { resolveDeliveryTarget } from './delivery-target';
import type { FileNameCheckResult } from './delivery.types';

const PART_TEXT: Record<string, { nl: string; en: string }> = {
  name: { nl: 'de naam', en: 'the name' },
  extension: { nl: 'de extensie (.csv of .xml)', en: 'the extension (.csv or .xml)' },
  institutionCode: { nl: 'de instellingscode (8 cijfers)', en: 'the institution code (8 digits)' },
  unit: { nl: 'het onderdeel (een getal)', en: 'the unit (a number)' },
  registry: { nl: 'de registratie', en: 'the registry' },
  version: { nl: 'de versie', en: 'the version' },
  sequenceNumber: { nl: 'het volgnummer', en: 'the sequence number' },
  creationDate: { nl: 'de aanmaakdatum (JJJJMMDD, een bestaande datum)', en: 'the creation date (YYYYMMDD, a real date)' },
  environment: { nl: 'PROD of TEST', en: 'PROD or TEST' },
};

/**
 * The portal's "Controleren" for the name: its fields, or what is wrong; then the same checks the
 * upload will make (own institution and unit, registry and version known and active, creation date
 * not in the future, sequence number higher than the last one used: B09 warning).
 */
export async function checkFileNameForDelivery(ctx: RequestContext, fileName: string): Promise<FileNameCheckResult> {
  const language = ctx.actor.language;
  const catalogue = ctx.services.dictionaries;
  const check = checkName(fileName, { knownVersions: catalogue.all.map((d) => ({ registry: d.registry, version: d.version })) });
  const fields = check.fields;
  // A name that does not conform only means the fields are filled in by hand (B08): its parts are
  // hints, not problems; problems are what would make the upload be refused.
  const problems: string[] = [];
  const warnings = check.problems.map((problem) => `${language === 'nl' ? 'Bestandsnaam: controleer' : 'File name: check'} ${PART_TEXT[problem.part]?.[language] ?? problem.part}.`);
  const fallback = catalogue.all[0];
  let subDelivery: string | null = null;
  if (fields) {
    const target = await resolveDeliveryTarget(ctx.em, ctx.actor, fileName, {});
    if ('institution' in target) {
      subDelivery = target.subDelivery.code;
      const rows = await ctx.em.getConnection().execute<{ last: number | null }[]>(
        'select max(d.sequence_number) as last from delivery d join sub_delivery s on s.id = d.sub_delivery_id where d.institution_id = ? and s.registry_id = ?',
        [target.institution.id, target.registry.id],
      );
      const last = rows[0]?.last ?? null;
      if (last !== null && fields.sequenceNumber <= last && fallback) {
        warnings.push(renderFindingMessage({ recordNumber: null, code: 'B09', class: 'BW', field: null, params: { n: fields.sequenceNumber, last }, keyValues: null }, fallback.dictionary, language));
      }
      if (fields.creationDate > todayInAmsterdam(ctx.services.clock.now())) problems.push(language === 'nl' ? `De aanmaakdatum ${fields.creationDate} ligt in de toekomst.` : `The creation date ${fields.creationDate} is in the future.`);
    } else {
      problems.push(target.message);
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
