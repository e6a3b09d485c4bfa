import { Participation } from './participation.entity';
import { ParticipationResolver } from './participation.resolver';

/** Participations (deelnames): the app wires this module through these exports only. */
export const participationResolvers = [ParticipationResolver] as const;

export const participationEntities = [Participation] as const;
