import type { registriesNl } from './nl';

/** The registries module's texts in English: the same keys as the Dutch ones, or the typecheck fails. */
export const registriesEn: typeof registriesNl = {
  registries: {
    title: 'Registries and institutions',
    heading: 'Registries',
    intro: 'The quality registries the hub receives data for, with their sub-deliveries.',
    empty: 'No registries have been recorded yet.',
    holder: 'Holder',
    channels: 'Delivery channels',
    informationProduct: 'Information product by the hub',
    subDeliveries: 'Sub-deliveries',
    noSubDeliveries: 'This registry has no sub-deliveries yet.',
    column: {
      code: 'Code',
      name: 'Name',
      frequency: 'Frequency',
      deadline: 'Deadline',
      dictionaryVersions: 'Data dictionary',
    },
    noVersions: 'No versions yet',
    draft: 'draft, not yet published',
    validFrom: 'accepted from {from}',
    validFromTo: 'accepted from {from} to {to}',
  },
  deadline: {
    unknown: 'Not recorded',
    day: "By day {day} of the period's last month | By day {day} of the month after the period ends | By day {day} of month {months} after the period ends",
    lastDay: 'By the last day of the period | By the last day of the month after the period ends | By the last day of month {months} after the period ends',
    fixedDate: "By {date} of the period's year | By {date} of the year after the period's year | By {date}, {years} years after the period's year",
  },
  institutions: {
    heading: 'Institutions',
    intro: 'The care institutions connected to the hub, with their units.',
    filterLabel: 'Find an institution',
    filterPlaceholder: 'Code, name or unit',
    count: 'No institutions | 1 institution | {n} institutions',
    filteredCount: '{shown} of {total} institutions',
    empty: 'No institutions found.',
    column: {
      code: 'Institution code',
      name: 'Name',
      type: 'Type',
      active: 'Active',
      units: 'Units',
    },
  },
};
