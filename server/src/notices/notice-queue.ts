import type { Knex } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { Period } from '../common/period';

export const SEND_NOTICE = 'send-notice';
/** graphile-worker waits exp(min(attempt, 10)) seconds between attempts: ten attempts span about three and a half hours. */
export const MAX_NOTICE_ATTEMPTS = 10;

export interface RecordsChanged {
  institutionId: string;
  registryId: string;
  subDeliveryId: string;
  /** The delivery's period code. */
  period: string;
  /** Today in Amsterdam (`YYYY-MM-DD`): which authorisations hold. */
  on: string;
  now: Date;
}

interface Candidate {
  id: string;
  organisation_id: string;
  from_period: string | null;
  to_period: string | null;
}

/** Whether a period lies wholly inside an authorisation's range (as forwarding selects it); open ends reach any period. */
function covers(code: string, from: string | null, to: string | null): boolean {
  if (from === null && to === null) return true;
  if (code === from || code === to) return true;
  const period = Period.tryParse(code);
  const start = from === null ? '0000-01-01' : Period.tryParse(from)?.startDate;
  const end = to === null ? '9999-12-31' : Period.tryParse(to)?.endDate;
  if (!period || period.startDate === null || period.endDate === null || !start || !end) return false;
  return period.startDate >= start && period.endDate <= end;
}

/**
 * In the caller's transaction (the one that changed the held records), for each authorisation that
 * holds today for the institution, sub-delivery and period and whose processor has an active
 * endpoint: one pending notice (a change while one is pending joins it) and its `send-notice` job,
 * keyed per authorisation, so a burst of deliveries leaves one job. Both commit with the change or
 * not at all. Returns how many notices are pending for the change.
 */
export async function enqueueNotices(trx: Knex.Transaction, change: RecordsChanged): Promise<number> {
  const found = await trx.raw(
    `select a.id, l.organisation_id, a.from_period, a.to_period
       from processor_authorisation a
       join processor_link l on l.id = a.link_id
       join notice_endpoint e on e.organisation_id = l.organisation_id and e.active
      where a.institution_id = ? and l.registry_id = ? and (l.sub_delivery_id is null or l.sub_delivery_id = ?)
        and a.revoked_at is null and l.removed_at is null
        and a.valid_from <= ?::date and (a.valid_until is null or a.valid_until >= ?::date)`,
    [change.institutionId, change.registryId, change.subDeliveryId, change.on, change.on],
  );
  const candidates = (found.rows as Candidate[]).filter((row) => covers(change.period, row.from_period, row.to_period));
  for (const candidate of candidates) {
    const upserted = await trx.raw(
      `insert into notice (id, organisation_id, authorisation_id, sub_delivery_id, created_at, occurred_at, generation, status, attempts)
       values (?, ?, ?, ?, ?, ?, 1, 'PENDING', 0)
       on conflict (authorisation_id) where status = 'PENDING' do update
         set occurred_at = excluded.occurred_at, generation = notice.generation + 1,
             sub_delivery_id = case when notice.sub_delivery_id = excluded.sub_delivery_id then notice.sub_delivery_id end
       returning id`,
      [randomUUID(), candidate.organisation_id, candidate.id, change.subDeliveryId, change.now, change.now],
    );
    const noticeId = (upserted.rows as { id: string }[])[0]?.id;
    if (!noticeId) throw new Error('no notice row returned');
    await trx.raw(`select graphile_worker.add_job(?, json_build_object('noticeId', ?::text), job_key := ?, max_attempts := ?)`, [
      SEND_NOTICE,
      noticeId,
      `notice:${candidate.id}`,
      MAX_NOTICE_ATTEMPTS,
    ]);
  }
  return candidates.length;
}
