import type { FilterQuery, Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { administersInstitution } from '../kernel/actor';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { csvText } from '../common/csv';
import { isUuid } from '../common/ids';
import { type Connection, connectionTypes, definePaging, findPage, type PageArgs } from '../common/pagination';
import { institutionByCode } from '../institutions/institution-by-code';
import { Delivery } from '../deliveries/delivery.entity';
import { Afname } from './afname.entity';
import { deliveryLineage, recordLineage, type DeliveryLineage, type RecordLineage } from './lineage.service';
import { type AfnameFilter, AfnameView } from './lineage.types';

export const AFNAME_PAGING = definePaging({
  tag: 'afnames',
  keys: [
    { column: 'e.fetched_at', type: 'timestamptz', desc: true },
    { column: 'e.id', type: 'uuid', desc: true },
  ],
  defaultSize: 50,
  maxSize: 200,
});

export const { Connection: AfnameConnection } = connectionTypes(() => AfnameView, {
  name: 'Afname',
  description: "A page of an institution's afnames, newest first.",
});

export function afnameView(afname: Afname): AfnameView {
  return {
    id: afname.id,
    fetchedAt: afname.fetchedAt,
    organisationId: afname.organisationId ?? null,
    userId: afname.userId ?? null,
    tokenId: afname.tokenId ?? null,
    authorisationId: afname.authorisationId ?? null,
    format: afname.format,
    recordCount: afname.recordCount,
    incremental: afname.sinceSeq !== null && afname.sinceSeq !== undefined,
    complete: afname.complete,
  };
}

/** Audited as a read: where an institution's data went is itself about that institution's data. */
async function audited(ctx: RequestContext, action: string, objectType: string, objectId: string, institutionId: string): Promise<void> {
  await recordAudit(ctx.em, ctx.actor, { event: AuditEventType.READ, action, objectType, objectId, institutionId });
}

/** An institution's afnames (its local administrators, hub staff); empty for an unknown or foreign institution. */
export async function listAfnames(ctx: RequestContext, institutionCode: string, filter: AfnameFilter, page: PageArgs): Promise<Connection<AfnameView>> {
  const window = AFNAME_PAGING.window(page, ctx.actor.language);
  const institution = await institutionByCode(ctx.em, institutionCode, (id) => administersInstitution(ctx.actor, id));
  if (!institution) return AFNAME_PAGING.empty<AfnameView>(window);
  const where: FilterQuery<Afname> & Record<string, unknown> = { institutionIds: { $contains: [institution.id] } };
  if (filter.registryId && isUuid(filter.registryId)) where.registryId = filter.registryId;
  if (filter.organisationId && isUuid(filter.organisationId)) where.organisationId = filter.organisationId;
  if (filter.fetchedFrom || filter.fetchedBefore)
    where.fetchedAt = { ...(filter.fetchedFrom ? { $gte: filter.fetchedFrom } : {}), ...(filter.fetchedBefore ? { $lt: filter.fetchedBefore } : {}) };
  const connection = await findPage(ctx.em, Afname, where, AFNAME_PAGING, window);
  await audited(ctx, 'afnames', 'Institution', institution.id, institution.id);
  return { ...connection, nodes: connection.nodes.map(afnameView), edges: connection.edges.map((edge) => ({ ...edge, node: afnameView(edge.node) })) };
}

const CSV_HEADER = [
  'fetchedAt',
  'processor',
  'registry',
  'subDelivery',
  'periodFrom',
  'periodTo',
  'fetchedBy',
  'format',
  'incremental',
  'complete',
  'records',
  'withdrawn',
  'authorisationId',
  'purpose',
];
const CSV_LIMIT = 100_000;

/**
 * An institution's afnames as CSV (newest first, at most 100,000 rows, the list's filters), with
 * processor, stream, who fetched and the authorisation's purpose by name; the export is audited.
 * Empty (the header only) for an unknown or foreign institution.
 */
export async function exportAfnames(ctx: RequestContext, institutionCode: string, filter: AfnameFilter): Promise<string> {
  const institution = await institutionByCode(ctx.em, institutionCode, (id) => administersInstitution(ctx.actor, id));
  if (!institution) return csvText({ header: CSV_HEADER }, []);
  const knex = ctx.em.getKnex() as Knex;
  const query = knex('afname as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .join('registry as r', 'r.id', 'a.registry_id')
    .leftJoin('sub_delivery as s', 's.id', 'a.sub_delivery_id')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .leftJoin('api_token as t', 't.id', 'a.token_id')
    .leftJoin('processor_authorisation as p', 'p.id', 'a.authorisation_id')
    .whereRaw('? = any(a.institution_ids)', [institution.id])
    .orderBy([
      { column: 'a.fetched_at', order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .limit(CSV_LIMIT)
    .select(
      'a.fetched_at',
      'o.name as processor',
      'r.code as registry',
      's.code as sub_delivery',
      'a.period_from',
      'a.period_to',
      knex.raw(`coalesce(u.name, t.name || ' (API-token)') as fetched_by`),
      'a.format',
      knex.raw('a.since_seq is not null as incremental'),
      'a.complete',
      'a.record_count',
      'a.withdrawn_count',
      'a.authorisation_id',
      'p.purpose',
    );
  if (filter.registryId && isUuid(filter.registryId)) void query.where('a.registry_id', filter.registryId);
  if (filter.organisationId && isUuid(filter.organisationId)) void query.where('a.organisation_id', filter.organisationId);
  if (filter.fetchedFrom) void query.where('a.fetched_at', '>=', filter.fetchedFrom);
  if (filter.fetchedBefore) void query.where('a.fetched_at', '<', filter.fetchedBefore);
  const rows = (await query) as Record<string, string | number | boolean | Date | null>[];
  await recordAudit(ctx.em, ctx.actor, {
    event: AuditEventType.EXPORT,
    action: 'exportAfnames',
    objectType: 'Institution',
    objectId: institution.id,
    institutionId: institution.id,
    detail: `${rows.length} rows`,
  });
  const cell = (value: string | number | boolean | Date | null) => (typeof value === 'boolean' ? String(value) : value);
  return csvText(
    { header: CSV_HEADER },
    rows.map((row) =>
      [
        row.fetched_at,
        row.processor,
        row.registry,
        row.sub_delivery,
        row.period_from,
        row.period_to,
        row.fetched_by,
        row.format,
        row.incremental,
        row.complete,
        row.record_count,
        row.withdrawn_count,
        row.authorisation_id,
        row.purpose,
      ].map(cell),
    ),
  );
}

/** Lineage of a delivery the actor administers (or hub staff); null otherwise, alike for an unknown id. */
export async function readDeliveryLineage(ctx: RequestContext, deliveryId: string): Promise<DeliveryLineage | null> {
  if (!isUuid(deliveryId)) return null;
  const delivery = await ctx.em.findOne(Delivery, { id: deliveryId });
  if (!delivery || !administersInstitution(ctx.actor, delivery.institution.id)) return null;
  await audited(ctx, 'deliveryLineage', 'Delivery', delivery.id, delivery.institution.id);
  return deliveryLineage(ctx.em.getKnex() as Knex, delivery.id);
}

/** Lineage of one record key (shown form, key fields joined by " / "); null for a foreign or unknown institution. */
export async function readRecordLineage(ctx: RequestContext, institutionCode: string, subDeliveryId: string, recordKey: string): Promise<RecordLineage | null> {
  if (!isUuid(subDeliveryId)) return null;
  const institution = await institutionByCode(ctx.em, institutionCode, (id) => administersInstitution(ctx.actor, id));
  if (!institution) return null;
  await audited(ctx, 'recordLineage', 'Institution', institution.id, institution.id);
  return recordLineage(ctx.em.getKnex() as Knex, { institutionId: institution.id, subDeliveryId, recordKey: recordKey.split(' / ').join('\u001f') });
}
