import { Field, ObjectType } from 'type-graphql';
import type { RequestContext } from '../../kernel/context';
import { isUuid } from '../../common/ids';

@ObjectType({ description: 'An institution whose latest production delivery of the sub-delivery used this version.' })
export class AdoptingInstitution {
  @Field(() => String, { description: '8-digit institution code.' })
  code!: string;

  @Field(() => String, { description: 'Institution name.' })
  name!: string;

  @Field(() => Date, { description: 'When that latest delivery came in.' })
  lastDeliveredAt!: Date;
}

@ObjectType({ description: 'A dictionary version and the institutions that delivered with it last.' })
export class VersionAdoption {
  @Field(() => String, { description: 'The version, e.g. `1.4`.' })
  version!: string;

  @Field(() => [AdoptingInstitution], { description: 'Institutions whose latest production delivery used this version, by code.' })
  institutions!: AdoptingInstitution[];
}

/** Per version of the sub-delivery (newest first), the institutions whose latest production delivery used it. One statement. */
export async function dictionaryAdoption(ctx: RequestContext, subDeliveryId: string): Promise<VersionAdoption[]> {
  if (!isUuid(subDeliveryId)) return [];
  const rows = await ctx.em.getConnection().execute<{ version: string; code: string | null; name: string | null; delivered_at: Date | null }[]>(
    `with latest as (
       select distinct on (d.institution_id) d.institution_id, d.dictionary_version_id, d.delivered_at
       from delivery d where d.sub_delivery_id = ? and not d.test
       order by d.institution_id, d.delivered_at desc, d.id desc)
     select v.version, i.code, i.name, l.delivered_at
     from dictionary_version v
     left join latest l on l.dictionary_version_id = v.id
     left join institution i on i.id = l.institution_id
     where v.sub_delivery_id = ? and v.status <> 'DRAFT'
     order by v.accepted_from desc nulls last, v.version desc, i.code`,
    [subDeliveryId, subDeliveryId],
  );
  const byVersion = new Map<string, VersionAdoption>();
  for (const row of rows) {
    const entry = byVersion.get(row.version) ?? { version: row.version, institutions: [] };
    byVersion.set(row.version, entry);
    if (row.code && row.name && row.delivered_at) entry.institutions.push({ code: row.code, name: row.name, lastDeliveredAt: new Date(row.delivered_at) });
  }
  return [...byVersion.values()];
}
