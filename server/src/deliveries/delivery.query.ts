import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { isUuid } from '../common/ids';
import { applyKeyset, type Connection, definePaging, type PageArgs } from '../common/pagination';
import { Delivery } from './delivery.entity';
import { grantPredicate, mayReadStream, readScope } from '../access/read-scope';
import type { DeliveryFilter } from './delivery.inputs';

/** Looked up in place of a malformed id, so that one too costs the same query. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The delivery when the actor may read it, else null. Someone else's delivery, an unknown id and a
 * malformed one take the same steps (one query, one refusal audit row) and get the same answer,
 * so not even the time tells them apart. Shared by GraphQL and the export routes.
 */
export async function readableDelivery(ctx: Pick<RequestContext, 'em' | 'actor' | 'services' | 'request'>, id: string): Promise<Delivery | null> {
  const wellFormed = isUuid(id);
  const scope = await readScope(ctx);
  const rows = await ctx.em
    .getConnection()
    .execute<{ id: string; institution_id: string; registry_id: string; sub_delivery_id: string; delivery_date: string }[]>(
      `select d.id, d.institution_id, s.registry_id, d.sub_delivery_id, to_char(d.delivery_date, 'YYYY-MM-DD') as delivery_date
       from delivery d join sub_delivery s on s.id = d.sub_delivery_id where d.id = ?`,
      [wellFormed ? id : NO_ID],
    );
  const found = rows[0];
  if (found && mayReadStream(scope, found.institution_id, found.registry_id, found.sub_delivery_id, found.delivery_date)) {
    return ctx.em.findOneOrFail(Delivery, { id });
  }
  await recordRefusal(ctx, { action: 'delivery', objectType: 'Delivery', objectId: wellFormed ? id : null, institutionId: found?.institution_id ?? null });
  return null;
}

/** Aangeleverd's order: newest first, the id deciding between deliveries of the same moment (index delivery_list_order_index). */
export const DELIVERY_PAGING = definePaging({
  tag: 'deliveries',
  keys: [
    { column: 'd.delivered_at', type: 'timestamptz', desc: true },
    { column: 'd.id', type: 'uuid', desc: true },
  ],
  defaultSize: 25,
  maxSize: 200,
});

/** The Aangeleverd list: scoped to what the actor may read, filtered, newest first. */
export async function searchDeliveries(ctx: RequestContext, filter: DeliveryFilter, page: PageArgs): Promise<Connection<Delivery>> {
  const window = DELIVERY_PAGING.window(page, ctx.actor.language);
  const knex = ctx.em.getKnex() as Knex;
  const query = knex('delivery as d')
    .join('sub_delivery as s', 's.id', 'd.sub_delivery_id')
    .join('registry as r', 'r.id', 's.registry_id')
    .join('institution as i', 'i.id', 'd.institution_id');
  const scope = await readScope(ctx);
  if (!scope.all) {
    if (scope.grants.length === 0) return { ...DELIVERY_PAGING.empty<Delivery>(window), totalCount: 0 };
    const condition = grantPredicate(scope.grants, {
      institution: 'd.institution_id',
      registry: 's.registry_id',
      subDelivery: 'd.sub_delivery_id',
      date: 'd.delivery_date',
    });
    query.whereRaw(condition.text, condition.values as never[]);
  }
  if (filter.institutionCode) query.where('i.code', filter.institutionCode);
  if (filter.registry) query.where('r.code', filter.registry);
  if (filter.subDelivery) query.where('s.code', filter.subDelivery);
  if (filter.channel) query.where('d.channel', filter.channel);
  if (filter.status?.length) query.whereIn('d.status', filter.status);
  if (filter.test !== undefined && filter.test !== null) query.where('d.test', filter.test);
  if (filter.deliveredFrom) query.where('d.delivery_date', '>=', filter.deliveredFrom);
  if (filter.deliveredTo) query.where('d.delivery_date', '<=', filter.deliveredTo);
  if (filter.period) query.where('d.period', filter.period.code);
  if (filter.latestOnly) {
    // TOTAAL carries no year: one delivered in year Y+1 covers year Y, so the delivery year is part of its period.
    query.whereRaw(
      `not exists (select 1 from delivery later where later.institution_id = d.institution_id and later.sub_delivery_id = d.sub_delivery_id
        and later.period = d.period and later.test = d.test and (later.delivered_at, later.id) > (d.delivered_at, d.id)
        and (d.period <> 'TOTAAL' or extract(year from later.delivery_date) = extract(year from d.delivery_date)))`,
    );
  }
  const [{ count }] = (await query.clone().count({ count: '*' })) as [{ count: string }];
  const rows = (await applyKeyset(knex, query.select('d.id'), DELIVERY_PAGING.keys, window)) as { id: string }[];
  const found = await ctx.em.find(Delivery, { id: { $in: rows.map((row) => row.id) } });
  const byId = new Map(found.map((delivery) => [delivery.id, delivery]));
  const connection = DELIVERY_PAGING.connection(rows, window, (row) => byId.get(row.id));
  const totalCount = Number(count);
  await recordAudit(ctx.em, ctx.actor, {
    event: AuditEventType.SEARCH,
    action: 'deliveries',
    objectType: 'Delivery',
    objectId: `${connection.nodes.length} of ${totalCount}`,
  });
  return { ...connection, totalCount };
}
