import type { channelsNl } from './nl';

/** The channels module's texts in English: the same keys as the Dutch ones, or the typecheck fails. */
export const channelsEn: typeof channelsNl = {
  channels: {
    title: 'Channel switches',
    intro:
      'Per registry an institution delivers through one channel. The local administrator asks for a switch; DHD approves it with the period it holds from, or declines it.',
    requestHeading: 'Ask for a switch',
    registry: 'Registry',
    channel: 'New channel',
    reason: 'Reason',
    desiredPeriod: 'Desired period (e.g. 2027K1)',
    request: 'Ask',
    requested: 'The switch has been requested.',
    pendingHeading: 'Pending requests',
    ownHeading: "Your institution's requests",
    empty: 'No requests.',
    institution: 'Institution',
    from: 'From',
    to: 'To',
    status: 'Status',
    effectivePeriod: 'From period',
    note: 'Note',
    approve: 'Approve',
    decline: 'Decline',
    decided: 'The decision has been recorded.',
    statuses: {
      PENDING: 'Pending',
      APPROVED: 'Approved',
      DECLINED: 'Declined',
    },
  },
};
