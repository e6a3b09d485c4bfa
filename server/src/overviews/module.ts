import type { EntityManager } from '@mikro-orm/postgresql';
import type { DictionaryCatalogue } from '../dictionaries/dictionary-catalogue';

/**
 * Schedules, participations, expected deliveries and overviews (issue 6). The app wires this
 * module through these exports only: its resolvers, its entities, the start-up step that derives
 * schedules from the dictionaries, and its demo data.
 */
export const overviewResolvers = [] as const;

export const overviewEntities = [] as const;

/** Called at every start after the dictionaries are registered. */
export async function registerSchedules(_em: EntityManager, _catalogue: DictionaryCatalogue): Promise<void> {}

/** Called from the demo seed after institutions and accounts exist. */
export async function seedDemoParticipations(_em: EntityManager): Promise<void> {}
