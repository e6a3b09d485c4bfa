import type { MessageSchema } from './nl';

export const en: MessageSchema = {
  app: {
    // The product name is not translated.
    name: 'Registratie Datahub',
    skipToContent: 'Skip to content',
  },
  language: {
    label: 'Language',
    nl: 'Nederlands',
    en: 'English',
  },
  nav: {
    label: 'Main menu',
    overview: 'Overview',
    deliveries: 'Delivered',
    expected: 'Expected',
    upload: 'Deliver files',
    forwardings: 'Forwarding overview',
    admin: 'Administration',
    registries: 'Registries and institutions',
  },
  comingSoon: {
    notice: 'This page is coming in a future version.',
    overview:
      'This page will show at a glance which deliveries are missing, which are due soon, and which were rejected or contain errors.',
    deliveries:
      "This page will list all of your institution's deliveries, with their status and processing report.",
    expected: 'This page will show which deliveries are still expected, and when.',
    upload: 'This page will let you deliver files: pick or drag them, check them, and deliver.',
    forwardings: "This page will show to whom your institution's data has been forwarded.",
  },
  notFound: {
    title: 'Page not found',
    body: 'This page does not exist (any more).',
    back: 'Go to registries and institutions',
  },
  common: {
    yes: 'Yes',
    no: 'No',
    none: '—',
  },
  query: {
    loading: 'Loading…',
    errorTitle: 'The data could not be loaded',
    errorBody: 'Please try again in a moment.',
    correlationId: 'If this keeps happening, give this error code to the service desk: {id}',
    retry: 'Try again',
  },
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
    validFrom: 'valid from {from}',
    validFromTo: 'valid from {from} to {to}',
  },
  deadline: {
    unknown: 'Not recorded',
    day:
      "By day {day} of the period's last month | By day {day} of the month after the period ends | By day {day} of month {months} after the period ends",
    lastDay:
      'By the last day of the period | By the last day of the month after the period ends | By the last day of month {months} after the period ends',
    fixedDate:
      "By {date} of the period's year | By {date} of the year after the period's year | By {date}, {years} years after the period's year",
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
  enums: {
    frequency: {
      MONTH: 'Month',
      QUARTER: 'Quarter',
      HALF_YEAR: 'Half year',
      YEAR: 'Year',
      TOTAL: 'Total',
    },
    channel: {
      PORTAL: 'Web portal',
      FHIR: 'FHIR',
      ENTRY_PORTAL: 'Entry portal',
    },
    institutionType: {
      UMC: 'University medical centre',
      GENERAL: 'General hospital',
      CATEGORICAL: 'Categorical institution',
    },
    dictionaryStatus: {
      DRAFT: 'Draft',
      ACTIVE: 'Active',
      RETIRED: 'Retired',
    },
  },
};
