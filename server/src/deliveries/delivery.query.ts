import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { isUuid } from '../shared/ids';
import { Delivery } from './delivery.entity';
import { mayRead, readableScopes } from './delivery-access';
import type { DeliveryFilter } from './delivery.inputs';

/** Looked up in place of a malformed id, so that one too costs the same query. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The delivery when the actor may read it, else null. Someone else's delivery, an unknown id and a
 * malformed one take the same steps (one query, one refusal audit row) and get the same answer,
 * so not even the time tells them apart. Shared by GraphQL and the export routes.
 */
export async function readableDelivery(ctx: Pick<RequestContext, 'em' | 'actor' | 'services'>, id: string): Promise<Delivery | null> {
  const wellFormed = isUuid(id);
  const rows = await ctx.em.getConnection().execute<{ id: string; institution_id: string; registry_id: string; sub_delivery_id: string }[]>(
    'select d.id, d.institution_id, s.registry_id, d.sub_delivery_id from delivery d join sub_delivery s on s.id = d.sub_delivery_id where d.id = ?',
    [wellFormed ? id : NO_ID],
  );
  const found = rows[0];
  if (found && mayRead(ctx.actor, { institutionId: found.institution_id, registryId: found.registry_id, subDeliveryId: found.sub_delivery_id })) {
    return ctx.em.findOneOrFail(Delivery, { id });
  }
  await recordRefusal(ctx, { action: 'delivery', objectType: 'Delivery', objectId: wellFormed ? id : null, institutionId: found?.institution_id ?? null });
  return null;
}

export interface DeliveryPage {
  totalCount: number;
  nodes: Delivery[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Cursor = the row's offset in the ordering, base64url: stable enough for paging newest-first lists. */
function decodeCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const offset = Number(Buffer.from(after, 'base64url').toString('utf8'));
  return Number.isInteger(offset) && offset >= 0 ? offset : 0;
}

function encodeCursor(offset: number): string {
  return Buffer.from(String(offset), 'utf8').toString('base64url');
}

/** The Aangeleverd list: scoped to what the actor may read, filtered, newest first. */
export async function searchDeliveries(ctx: RequestContext, filter: DeliveryFilter, first: number, after: string | null | undefined): Promise<DeliveryPage> {
  const knex = ctx.em.getKnex() as Knex;
  const query = knex('delivery as d').join('sub_delivery as s', 's.id', 'd.sub_delivery_id').join('registry as r', 'r.id', 's.registry_id').join('institution as i', 'i.id', 'd.institution_id');
  const scopes = readableScopes(ctx.actor);
  if (scopes !== null) {
    if (scopes.length === 0) return { totalCount: 0, nodes: [], endCursor: null, hasNextPage: false };
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
  const limit = Math.min(Math.max(first, 1), 200);
  const offset = decodeCursor(after);
  const [{ count }] = (await query.clone().count({ count: '*' })) as [{ count: string }];
  const ids = (await query.select('d.id').orderBy([{ column: 'd.delivered_at', order: 'desc' }, { column: 'd.id', order: 'desc' }]).limit(limit).offset(offset)) as { id: string }[];
  const found = await ctx.em.find(Delivery, { id: { $in: ids.map((row) => row.id) } });
  const byId = new Map(found.map((delivery) => [delivery.id, delivery]));
  const nodes = ids.map((row) => byId.get(row.id)).filter((delivery): delivery is Delivery => delivery !== undefined);
  const totalCount = Number(count);
  await recordAudit(ctx.em, ctx.actor, { event: AuditEventType.SEARCH, action: 'deliveries', objectType: 'Delivery', objectId: `${nodes.length} of ${totalCount}` });
  return { totalCount, nodes, endCursor: nodes.length ? encodeCursor(offset + nodes.length) : null, hasNextPage: offset + nodes.length < totalCount };
}
