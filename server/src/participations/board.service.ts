import type { FilterQuery, QBFilterQuery } from '@mikro-orm/core';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { type Connection, connectionTypes, definePaging, findPage, type PageArgs } from '../common/pagination';
import { Institution } from '../institutions/institution.entity';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { Participation } from './participation.entity';
import { ParticipationState } from './participation-state';
import { ParticipationTransition } from './participation-transition.entity';

/** The board: newest sign-ups first. */
export const BOARD_PAGING = definePaging({
  tag: 'participationBoard',
  keys: [
    { column: 'e.created_at', type: 'timestamptz', desc: true },
    { column: 'e.id', type: 'uuid', desc: true },
  ],
  defaultSize: 50,
  maxSize: 200,
});

/** A participation's history, oldest step first. */
export const TRANSITION_PAGING = definePaging({
  tag: 'participationTransitions',
  keys: [
    { column: 'e.at', type: 'timestamptz' },
    { column: 'e.id', type: 'uuid' },
  ],
  defaultSize: 50,
  maxSize: 200,
});

export const { Connection: ParticipationConnection } = connectionTypes(() => Participation, {
  name: 'Participation',
  description: 'A page of participations, newest first.',
  totalCount: 'How many match; counted per request (one row per institution and sub-delivery: thousands at most).',
});

export const { Connection: ParticipationTransitionConnection } = connectionTypes(() => ParticipationTransition, {
  name: 'ParticipationTransition',
  description: "A page of a participation's history, oldest step first.",
  totalCount: "How many steps in all; counted per request over one participation's own rows (a handful).",
});

export type CountedPage<T> = Connection<T> & { totalCount: number };

@InputType({ description: 'Filters of the participation board; all optional, combined with AND.' })
export class ParticipationBoardFilterInput {
  @Field(() => ParticipationState, { nullable: true, description: 'Only this state.' })
  state?: ParticipationState | null;

  @Field(() => String, { nullable: true, description: 'Only this registry (code, e.g. `CAT`).' })
  registry?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Institutions whose name contains this text or whose code starts with it (case-insensitive, 1–100 characters).',
  })
  institution?: string | null;
}

@ObjectType({ description: 'How many participations are in one state.' })
export class ParticipationStateCount {
  @Field(() => ParticipationState, { description: 'The state.' })
  state!: ParticipationState;

  @Field(() => Int, { description: 'How many participations are in it.' })
  count!: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** The filter as a MikroORM condition over ids (institutions and sub-deliveries found first); null when nothing can match. */
async function boardWhere(ctx: RequestContext, filter: ParticipationBoardFilterInput): Promise<FilterQuery<Participation> | null> {
  const where: Record<string, unknown> = {};
  if (filter.state) where.state = filter.state;
  if (filter.registry) {
    const registry = await ctx.em.findOne(Registry, { code: filter.registry });
    if (!registry) return null;
    const subDeliveries = await ctx.em.find(SubDelivery, { registry: registry.id }, { fields: ['id'] });
    where.subDelivery = { $in: subDeliveries.map((subDelivery) => subDelivery.id) };
  }
  const search = filter.institution?.trim().slice(0, 100);
  if (search) {
    const pattern = escapeLike(search);
    const institutions = await ctx.em.find(
      Institution,
      { $or: [{ name: { $ilike: `%${pattern}%` } }, { code: { $like: `${pattern}%` } }] },
      { fields: ['id'] },
    );
    if (!institutions.length) return null;
    where.institution = { $in: institutions.map((institution) => institution.id) };
  }
  return where as FilterQuery<Participation>;
}

/** Hub staff's board of every participation, filtered and paged. */
export async function participationBoard(ctx: RequestContext, filter: ParticipationBoardFilterInput, page: PageArgs): Promise<CountedPage<Participation>> {
  const window = BOARD_PAGING.window(page, ctx.actor.language);
  const where = await boardWhere(ctx, filter);
  if (!where) return { ...BOARD_PAGING.empty<Participation>(window), totalCount: 0 };
  return { ...(await findPage(ctx.em, Participation, where, BOARD_PAGING, window)), totalCount: await ctx.em.count(Participation, where) };
}

/** How many participations are in each state (every state, zero included), optionally for one registry. */
export async function participationCounts(ctx: RequestContext, registryCode: string | null): Promise<ParticipationStateCount[]> {
  const where = await boardWhere(ctx, { registry: registryCode });
  const rows: { state: ParticipationState; count: string | number }[] = [];
  if (where) {
    const knex = ctx.em.getKnex() as Knex;
    const matching = ctx.em
      .createQueryBuilder(Participation, 'p')
      .select('p.state' as never)
      .where(where as QBFilterQuery<Participation>)
      .getKnexQuery();
    rows.push(...((await knex.from(matching.as('m')).select('state').count('* as count').groupBy('state')) as typeof rows));
  }
  return Object.values(ParticipationState).map((state) =>
    Object.assign(new ParticipationStateCount(), { state, count: Number(rows.find((row) => row.state === state)?.count ?? 0) }),
  );
}

/** One participation's history (the caller already sees the participation). */
export async function participationTransitions(ctx: RequestContext, participationId: string, page: PageArgs): Promise<CountedPage<ParticipationTransition>> {
  const window = TRANSITION_PAGING.window(page, ctx.actor.language);
  const where = { participation: participationId };
  return {
    ...(await findPage(ctx.em, ParticipationTransition, where, TRANSITION_PAGING, window)),
    totalCount: await ctx.em.count(ParticipationTransition, where),
  };
}
