import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { Afname } from './afname.entity';
import { afnameView } from './afname.query';
import { periodCodesOf, scopeClause, subDeliveriesOf } from './forward-query';
import type { ForwardSelection } from './forward-selection';
import type { AfnameView } from './lineage.types';

/** Beyond every change position: counts read up to whatever has committed. */
const END = '9223372036854775807';

/** The latest fetch under an authorisation that reached its end (a broken-off stream does not count), and the change position it reached. */
export async function lastCompleteFetch(em: EntityManager, authorisationId: string): Promise<{ afname: AfnameView; reached: string } | null> {
  const afname = await em.findOne(Afname, { authorisationId, complete: true }, { orderBy: { fetchedAt: 'desc', id: 'desc' } });
  return afname ? { afname: afnameView(afname), reached: afname.untilSeq } : null;
}

/**
 * How many records a fetch under the selection would hand over now: after `since` (a change position,
 * as a last fetch reached), changed or withdrawn records; without it, every current record.
 */
export async function countChanges(knex: Knex, selection: ForwardSelection, since: string | null): Promise<number> {
  const subDeliveryIds = await subDeliveriesOf(knex, selection);
  const periodCodes = await periodCodesOf(knex, selection, subDeliveryIds);
  const result = await knex.raw(`select count(*)::int as n ${scopeClause({ selection, subDeliveryIds, periodCodes, since, until: END })}`);
  return (result.rows as { n: number }[])[0]!.n;
}
