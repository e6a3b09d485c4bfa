import { InstitutionMerger } from './merger.entity';
import { InstitutionMergerFieldsResolver, InstitutionMergerResolver } from './merger.resolver';

/** Institution mergers (fusies): the app wires this module through these exports only. */
export const mergerResolvers = [InstitutionMergerResolver, InstitutionMergerFieldsResolver] as const;

export const mergerEntities = [InstitutionMerger] as const;

export { applyDueMergers } from './merger.service';
