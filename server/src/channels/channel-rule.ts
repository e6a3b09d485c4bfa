import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInAmsterdam } from '../common/calendar';
import { Channel } from '../registries/channel';

/**
 * The one active channel of an institution for a registry on a day (kanaal per registratie):
 *
 * 1. the channel of the latest approved switch whose effective period has begun by that day;
 * 2. otherwise, the channel of the institution's participations in the registry's sub-deliveries.
 *    Where those differ (data from before this rule), the live one wins: a participation in
 *    PRODUCTION before any other state, any state before ENDED, and among equals the most recently
 *    recorded one;
 * 3. null when the institution takes part in none of them (nothing to deliver through yet).
 *
 * `excludeSubDeliveryId` leaves that sub-delivery's participation out (the one about to change).
 */
export async function activeChannel(
  em: EntityManager,
  institutionId: string,
  registryId: string,
  options: { today?: string; excludeSubDeliveryId?: string | null } = {},
): Promise<Channel | null> {
  const day = options.today ?? todayInAmsterdam();
  const rows = await em.getConnection().execute<{ channel: Channel }[]>(
    `select channel from (
       (select s.channel, 0 as source, 0 as rank, s.decided_at as recorded
          from channel_switch_request s
         where s.institution_id = ? and s.registry_id = ? and s.status = 'APPROVED' and s.effective_date <= ?
         order by s.effective_date desc, s.decided_at desc limit 1)
       union all
       (select p.channel, 1, case p.state when 'PRODUCTION' then 0 when 'ENDED' then 2 else 1 end, p.created_at
          from participation p join sub_delivery sd on sd.id = p.sub_delivery_id
         where p.institution_id = ? and sd.registry_id = ? and (?::uuid is null or p.sub_delivery_id <> ?::uuid))
     ) c
     order by source, rank, recorded desc
     limit 1`,
    [institutionId, registryId, day, institutionId, registryId, options.excludeSubDeliveryId ?? null, options.excludeSubDeliveryId ?? null],
  );
  return rows[0]?.channel ?? null;
}

/**
 * For setParticipation: the active channel when recording `channel` for one of the registry's
 * sub-deliveries would give the institution a second channel for that registry; null when it
 * agrees (or no other participation or switch fixes a channel yet).
 */
export async function registryChannelConflict(
  em: EntityManager,
  institutionId: string,
  registryId: string,
  channel: Channel,
  options: { today?: string; subDeliveryId?: string | null } = {},
): Promise<Channel | null> {
  const active = await activeChannel(em, institutionId, registryId, { today: options.today, excludeSubDeliveryId: options.subDeliveryId ?? null });
  return active !== null && active !== channel ? active : null;
}
