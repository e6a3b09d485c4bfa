import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../common/ids';

/** An authorisation as it holds on one day: what forwarding may hand over under it. */
export interface ActiveAuthorisation {
  id: string;
  institutionId: string;
  registryId: string;
  subDeliveryId: string | null;
  fromPeriod: string | null;
  toPeriod: string | null;
  /** The authorised fields that are still in the link's set, in the link's (dictionary) order. */
  fields: string[];
}

interface Row {
  id: string;
  institution_id: string;
  registry_id: string;
  sub_delivery_id: string | null;
  from_period: string | null;
  to_period: string | null;
  fields: string[];
  link_fields: string[];
}

/**
 * The authorisation when it holds on `on` (`YYYY-MM-DD`) for that processor organisation: not
 * revoked, its link not removed, `on` within validFrom..validUntil. Null otherwise, alike for an
 * unknown id or another organisation's, so a caller cannot tell them apart. One query, read anew
 * on every call: a revocation or expiry applies to the very next request.
 */
export async function activeAuthorisation(
  em: EntityManager,
  where: { organisationId: string; authorisationId: string; on: string },
): Promise<ActiveAuthorisation | null> {
  if (!isUuid(where.authorisationId) || !isUuid(where.organisationId)) return null;
  const rows = await em.getConnection().execute<Row[]>(
    `select a.id, a.institution_id, l.registry_id, l.sub_delivery_id, a.from_period, a.to_period, a.fields, l.fields as link_fields
       from processor_authorisation a join processor_link l on l.id = a.link_id
      where a.id = ? and l.organisation_id = ? and a.revoked_at is null and l.removed_at is null
        and a.valid_from <= ?::date and (a.valid_until is null or a.valid_until >= ?::date)`,
    [where.authorisationId, where.organisationId, where.on, where.on],
  );
  const row = rows[0];
  if (!row) return null;
  const granted = new Set(row.fields);
  return {
    id: row.id,
    institutionId: row.institution_id,
    registryId: row.registry_id,
    subDeliveryId: row.sub_delivery_id,
    fromPeriod: row.from_period,
    toPeriod: row.to_period,
    fields: row.link_fields.filter((name) => granted.has(name)),
  };
}
