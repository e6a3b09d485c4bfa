import type { mergersNl } from './nl';

/** The mergers module's texts in English: the same keys as the Dutch ones, or the typecheck fails. */
export const mergersEn: typeof mergersNl = {
  mergers: {
    title: 'Mergers',
    intro:
      "In a merger, institution A joins institution B from a date. From that date A delivers no more; A's participations, expected deliveries and held records continue under B. A's history stays readable under A, and B's users see that history up to the merger date. Demergers are not supported.",
    formHeading: 'Record a merger',
    from: 'Institution that merges away (A), institution code',
    into: 'Institution it joins (B), institution code',
    effectiveDate: 'Merger date',
    note: 'Note',
    submit: 'Record merger',
    confirm: 'Institution {from} joins {into} from {date}. This cannot be undone. Continue?',
    recorded: 'The merger has been recorded.',
    recordedPending: 'The merger has been recorded and will be applied on the merger date.',
    listHeading: 'Recorded mergers',
    empty: 'No mergers recorded yet.',
    column: {
      from: 'Merged away (A)',
      into: 'Continued by (B)',
      effectiveDate: 'Merger date',
      note: 'Note',
      state: 'State',
    },
    applied: 'Applied {at}',
    pending: 'Waiting for the merger date',
  },
};
