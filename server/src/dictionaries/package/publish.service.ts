import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../kernel/context';
import { AuditEventType } from '../../audit/audit-event.entity';
import { recordAudit } from '../../audit/audit.service';
import { notFound, RefusalCode, type Refused, refuse } from '../../kernel/refusal';
import { Frequency } from '../../common/period';
import { isUuid } from '../../common/ids';
import { DeliverySchedule } from '../../overviews/schedules/delivery-schedule.entity';
import { deadlineRuleOf } from '../../overviews/schedules/deadline-rules';
import { DictionaryStatus, DictionaryVersion } from '../dictionary-version.entity';
import type { DictionaryPackage } from './dictionary-package';
import type { PublishDictionaryVersionInput } from './package.types';

/** The day before `date` (`YYYY-MM-DD`). */
function dayBefore(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** The sub-delivery gets the schedules the package lists that it lacks, so expected deliveries follow (as at start for shipped dictionaries). */
async function addSchedules(tx: EntityManager, subDeliveryId: string, pkg: DictionaryPackage): Promise<void> {
  const existing = await tx.find(DeliverySchedule, { subDelivery: subDeliveryId });
  const have = new Set<string>(existing.map((schedule) => schedule.frequency));
  for (const entry of pkg.dictionary.schedule) {
    if (have.has(entry.frequency)) continue;
    have.add(entry.frequency);
    tx.create(DeliverySchedule, { subDelivery: subDeliveryId, frequency: Frequency[entry.frequency], deadlineRule: deadlineRuleOf(entry.deadline) });
  }
}

/**
 * Hub staff publish a draft version with its dates: accepted from, required from, and the end of
 * the previous version's acceptance (the overlap window). Schedules follow from its package; every
 * process's catalogue takes it up at its next request (the `dictionary` data version). Audited.
 */
export async function publishDictionaryVersion(ctx: RequestContext, id: string, input: PublishDictionaryVersionInput): Promise<DictionaryVersion | Refused> {
  const language = ctx.actor.language;
  const dates = (detail: string, field: string) => refuse(language, RefusalCode.VERSION_DATES, { params: { detail }, field });
  const requiredFrom = input.requiredFrom ?? input.acceptedFrom;
  if (requiredFrom < input.acceptedFrom) return dates(`requiredFrom ${requiredFrom} < acceptedFrom ${input.acceptedFrom}`, 'requiredFrom');
  if (!isUuid(id)) return notFound(language, 'dictionaryVersion');
  return ctx.em.transactional(async (tx) => {
    const version = await tx.findOne(DictionaryVersion, { id }, { populate: ['package', 'subDelivery', 'subDelivery.registry'] });
    if (!version) return notFound(language, 'dictionaryVersion');
    if (version.status !== DictionaryStatus.DRAFT || !version.package) return refuse(language, RefusalCode.VERSION_PUBLISHED, { params: { version: version.version } });
    const [previous] = await tx.find(
      DictionaryVersion,
      { subDelivery: version.subDelivery.id, status: DictionaryStatus.ACTIVE },
      { orderBy: { acceptedFrom: 'desc', version: 'desc' }, limit: 1 },
    );
    if (previous?.acceptedFrom && input.acceptedFrom <= previous.acceptedFrom)
      return dates(`acceptedFrom ${input.acceptedFrom} ≤ ${previous.version}: ${previous.acceptedFrom}`, 'acceptedFrom');
    if (input.previousAcceptedUntil != null) {
      if (!previous) return dates('no previous version', 'previousAcceptedUntil');
      if (input.previousAcceptedUntil < dayBefore(input.acceptedFrom))
        return dates(`previousAcceptedUntil ${input.previousAcceptedUntil} < ${dayBefore(input.acceptedFrom)}`, 'previousAcceptedUntil');
      previous.acceptedUntil = input.previousAcceptedUntil;
    }
    Object.assign(version, { status: DictionaryStatus.ACTIVE, acceptedFrom: input.acceptedFrom, requiredFrom, publishedAt: ctx.services.clock.now() });
    await addSchedules(tx, version.subDelivery.id, version.package);
    await tx.flush();
    const subDelivery = version.subDelivery.getEntity();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'publishDictionaryVersion',
      objectType: 'DictionaryVersion',
      objectId: version.id,
      detail: `${subDelivery.registry.getEntity().code}/${subDelivery.code}/${version.version} from ${input.acceptedFrom}, required ${requiredFrom}${
        previous && input.previousAcceptedUntil != null ? `; ${previous.version} until ${input.previousAcceptedUntil}` : ''
      }`,
    });
    return version;
  });
}
