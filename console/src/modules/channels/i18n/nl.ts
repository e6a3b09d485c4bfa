import type { ChannelSwitchStatus } from '../../../graphql/generated/graphql';

/** The channels module's texts in Dutch, merged into the console's catalogue (i18n/nl.ts). */
export const channelsNl = {
  channels: {
    title: 'Kanaalwissels',
    intro:
      'Per registratie levert een instelling via één kanaal aan. Een wissel vraagt de lokaal beheerder aan; de DHD keurt hem goed met de periode waarvanaf hij geldt, of wijst hem af.',
    requestHeading: 'Wissel aanvragen',
    registry: 'Registratie',
    channel: 'Nieuw kanaal',
    reason: 'Reden',
    desiredPeriod: 'Gewenste periode (bijv. 2027K1)',
    request: 'Aanvragen',
    requested: 'De wissel is aangevraagd.',
    pendingHeading: 'Openstaande aanvragen',
    ownHeading: 'Aanvragen van uw instelling',
    empty: 'Geen aanvragen.',
    institution: 'Instelling',
    from: 'Van',
    to: 'Naar',
    status: 'Status',
    effectivePeriod: 'Vanaf periode',
    note: 'Toelichting',
    approve: 'Goedkeuren',
    decline: 'Afwijzen',
    decided: 'Het besluit is vastgelegd.',
    statuses: {
      PENDING: 'In behandeling',
      APPROVED: 'Goedgekeurd',
      DECLINED: 'Afgewezen',
    } satisfies Record<ChannelSwitchStatus, string>,
  },
};
