import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { userError } from '../shared/messages';
import { applyKeyset, type Connection, definePaging, type PageArgs } from '../shared/pagination';
import { Delivery } from './delivery.entity';
import { mayRead, readableScopes } from './delivery-access';
import type { DeliveryFilter } from './delivery.inputs';

const DELIVERY = { nl: 'Aanlevering', en: 'Delivery' };

/**
 * The delivery when the actor may read it, else null: someone else's is treated exactly like an
 * unknown id, and the refusal is audited. Shared by GraphQL and the export routes.
 */
export async function readableDelivery(ctx: Pick<RequestContext, 'em' | 'actor' | 'services'>, id: string): Promise<Delivery | null> {
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await ctx.em.getConnection().execute<{ id: string; institution_id: string; registry_id: string; sub_delivery_id: string }[]>(
        'select d.id, d.institution_id, s.registry_id, d.sub_delivery_id from delivery d join sub_delivery s on s.id = d.sub_delivery_id where d.id = ?',
        [id],
      )
    : [];
  const found = row[0];
  if (!found) return null;
  if (!mayRead(ctx.actor, { institutionId: found.institution_id, registryId: found.registry_id, subDeliveryId: found.sub_delivery_id })) {
    await recordAudit(ctx.services.orm.em.fork(), ctx.actor, { event: AuditEventType.AUTHORISATION_FAILURE, action: 'delivery', objectType: 'Delivery', objectId: id, institutionId: found.institution_id });
    return null;
  }
  return ctx.em.findOneOrFail(Delivery, { id });
}

/** As readableDelivery, for GraphQL: "not found" when it may not be read. */
export async function findReadableDelivery(ctx: RequestContext, id: string): Promise<Delivery> {
  const delivery = await readableDelivery(ctx, id);
  if (!delivery) throw userError('NOT_FOUND', ctx.actor.language, 'NOT_FOUND', { object: DELIVERY[ctx.actor.language] });
  return delivery;
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
  const query = knex('delivery as d').join('sub_delivery as s', 's.id', 'd.sub_delivery_id').join('registry as r', 'r.id', 's.registry_id').join('institution as i', 'i.id', 'd.institution_id');
  const scopes = readableScopes(ctx.actor);
  if (scopes !== null) {
    if (scopes.length === 0) return { ...DELIVERY_PAGING.empty<Delivery>(window), totalCount: 0 };
    query.where((where) => {
      for (const scope of scopes) {
        where.orWhere((one) => {
          one.where('d.institution_id', scope.institutionId).andWhere('s.registry_id', scope.registryId);
          if (scope.subDeliveryId) one.andWhere('d.sub_delivery_id', scope.subDeliveryId);
        });
      }
    });
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
    query.whereRaw(
      `not exists (select 1 from delivery later where later.institution_id = d.institution_id and later.sub_delivery_id = d.sub_delivery_id
        and later.period = d.period and later.test = d.test and (later.delivered_at, later.id) > (d.delivered_at, d.id))`,
    );
  }
  const [{ count }] = (await query.clone().count({ count: '*' })) as [{ count: string }];
  const rows = (await applyKeyset(knex, query.select('d.id'), DELIVERY_PAGING.keys, window)) as { id: string }[];
  const found = await ctx.em.find(Delivery, { id: { $in: rows.map((row) => row.id) } });
  const byId = new Map(found.map((delivery) => [delivery.id, delivery]));
  const connection = DELIVERY_PAGING.connection(rows, window, (row) => byId.get(row.id));
  const totalCount = Number(count);
  await recordAudit(ctx.em, ctx.actor, { event: AuditEventType.SEARCH, action: 'deliveries', objectType: 'Delivery', objectId: `${connection.nodes.length} of ${totalCount}` });
  return { ...connection, totalCount };
}
