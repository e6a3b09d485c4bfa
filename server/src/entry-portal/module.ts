import { EntryDraft } from './entry-draft.entity';
import { EntryDraftResolver } from './entry-draft.resolver';

/** The entry portal (Invoerportaal): records entered by hand, submitted per period as a delivery. The app wires this module through these exports only. */
export const entryPortalResolvers = [EntryDraftResolver] as const;

export const entryPortalEntities = [EntryDraft] as const;
