import type { MessageSchema } from './nl';
import { registriesEn } from '../modules/registries/i18n/en';
import { accessEn } from '../modules/access/i18n/en';
import { usersEn } from '../modules/users/i18n/en';
import { hubEn } from '../modules/hub/i18n/en';
import { mergersEn } from '../modules/mergers/i18n/en';
import { agreementsEn } from '../modules/agreements/i18n/en';
import { authorisationsEn } from '../modules/authorisations/i18n/en';
import { forwardingEn } from '../modules/forwarding/i18n/en';
import { contactsEn } from '../modules/contacts/i18n/en';
import { channelsEn } from '../modules/channels/i18n/en';
import { institutionsEn } from '../modules/institutions/i18n/en';
import { dictionariesEn } from '../modules/dictionaries/i18n/en';
import { fileCheckEn } from '../modules/file-check/i18n/en';
import { entryPortalEn } from '../modules/entry-portal/i18n/en';
import { overviewsEn } from '../modules/overviews/i18n/en';
import { deliveriesEn } from '../modules/deliveries/i18n/en';
import { participationsEn } from '../modules/participations/i18n/en';
import { dataRequestsEn } from '../modules/data-requests/i18n/en';

export const en: MessageSchema = {
  app: {
    // The product's English name (Dutch: Registratie Datahub).
    name: 'Registry Data Hub',
    skipToContent: 'Skip to content',
  },
  serviceDesk: {
    label: 'Help and service desk',
    help: 'Help',
    name: 'Service desk',
    mail: 'E-mail the service desk: {email}',
    call: 'Call the service desk: {phone}',
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
    entry: 'Enter data',
    forwardings: 'Forwarding overview',
    myAuthorisations: 'My authorisations',
    admin: 'Administration',
    users: 'Users',
    deadlineExceptions: 'Adjusted deadlines',
    organisations: 'Organisations',
    institutions: 'Institutions',
    audit: 'Audit log',
    agreements: 'Agreements',
    authorisations: 'Authorisations',
    processors: 'Processors',
    contacts: 'Contact persons',
    announcements: 'Announcements',
    channels: 'Channel switches',
    registries: 'Registries and institutions',
    dictionaries: 'Data dictionaries',
    check: 'Check a file',
    completeness: 'Completeness',
    mergers: 'Mergers',
    registrations: 'Registries',
    participationBoard: 'Participations',
    myDataRequests: 'My requests',
    dataRequestRegister: 'Register of requests',
    dataRequestQueue: 'Data requests',
    dataRequestConsents: 'Consents',
  },
  notFound: {
    title: 'Page not found',
    body: 'This page does not exist (any more).',
    role: {
      HUB_STAFF: {
        back: 'Go to registries and institutions',
        help: 'Looking for a registry, institution or delivery? Start at registries and institutions or pick a page in the menu.',
      },
      LOCAL_ADMIN: {
        back: 'Go to the overview',
        help: 'The overview shows what your institution has to deliver. Missing a function? Contact the service desk.',
      },
      SUBMITTER: {
        back: 'Go to the overview',
        help: 'The overview shows what you have to deliver. Missing rights for a registry? Ask the local administrator of your institution.',
      },
      VIEWER: {
        back: 'Go to the overview',
        help: "The overview shows your institution's deliveries. Missing rights for a registry? Ask the local administrator of your institution.",
      },
      PROCESSOR: {
        back: 'Go to my authorisations',
        help: 'My authorisations lists the data you may take. Missing an authorisation? Contact the service desk.',
      },
      REQUESTER: {
        back: 'Go to my requests',
        help: 'Your data requests are under My requests; which data a registry keeps is described with the registries and their data dictionaries. Questions about your request? Contact the service desk.',
      },
      NONE: { back: 'Go to the start page', help: 'Log in to continue.' },
    },
  },
  common: {
    yes: 'Yes',
    no: 'No',
    none: '—',
    cancel: 'Cancel',
    actions: 'Actions',
    required: 'Fill in this field.',
    pager: {
      label: 'Paging',
      first: 'First page',
      previous: 'Previous',
      next: 'Next',
      page: 'Page {page}',
      pageOf: 'Page {page} of {pages}',
    },
  },
  query: {
    loading: 'Loading…',
    errorTitle: 'The data could not be loaded',
    errorBody: 'Please try again in a moment.',
    correlationId: 'If this keeps happening, give this error code to the service desk: {id}',
    retry: 'Try again',
  },
  errors: {
    forbiddenTitle: 'No access',
    forbidden:
      "You do not have permission for this data or action. If you think that is wrong, contact your institution's local administrator, or the service desk if you work for a processor or requester.",
    unauthenticated: 'Your session has ended. Please log in again.',
    generic: 'Something went wrong.',
  },
  enums: {
    role: {
      HUB_STAFF: 'Hub staff',
      LOCAL_ADMIN: 'Local administrator',
      SUBMITTER: 'Submitter',
      VIEWER: 'Viewer',
      PROCESSOR: 'Processor',
      REQUESTER: 'Requester',
    },
    organisationKind: {
      HUB: 'DHD',
      INSTITUTION: 'Institution',
      PROCESSOR: 'Processor',
      REQUESTER: 'Requester',
    },
    organisationKindPlural: {
      HUB: 'DHD',
      INSTITUTION: 'Institutions',
      PROCESSOR: 'Processors',
      REQUESTER: 'Requesters',
    },
    auditEvent: {
      CREATE: 'Created',
      UPDATE: 'Changed',
      DELETE: 'Deleted',
      READ: 'Read',
      SEARCH: 'Searched',
      EXPORT: 'Exported',
      LOGIN: 'Logged in',
      LOGIN_FAILURE: 'Login failed',
      LOGOUT: 'Logged out',
      AUTHORISATION_FAILURE: 'Access refused',
      SESSION_EXPIRED: 'Session expired',
      REFUSAL: 'Refused',
    },
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
    deliveryStatus: {
      RECEIVED: 'Received',
      PROCESSING: 'Processing',
      PROCESSED: 'Processed',
      PROCESSED_WITH_ERRORS: 'Processed with errors',
      REJECTED: 'Rejected',
      FAILED: 'Failed',
    },
    institutionType: {
      UMC: 'University medical centre',
      GENERAL: 'General hospital',
      CATEGORICAL: 'Categorical institution',
      INDEPENDENT_TREATMENT_CENTRE: 'Independent treatment centre (ZBC)',
      OTHER: 'Other',
    },
    dictionaryStatus: {
      DRAFT: 'Draft',
      ACTIVE: 'Active',
      RETIRED: 'Retired',
    },
    messageClass: {
      F: 'Error: record not processed',
      W: 'Warning: record processed',
      BF: 'File error: file rejected',
      BW: 'File warning',
      TF: 'Conflicts with data already held: record not processed',
      TW: 'May conflict with data already held: record processed',
    },
    fieldType: {
      string: 'Text',
      integer: 'Integer',
      decimal: 'Decimal',
      date: 'Date',
      code: 'Code',
    },
    outcomeStatus: {
      PROCESSED: 'Processed',
      PROCESSED_WITH_ERRORS: 'Processed with errors',
      REJECTED: 'Rejected',
    },
  },
  ...registriesEn,
  ...accessEn,
  ...usersEn,
  ...hubEn,
  ...mergersEn,
  ...agreementsEn,
  ...authorisationsEn,
  ...forwardingEn,
  ...contactsEn,
  ...channelsEn,
  ...participationsEn,
  ...dataRequestsEn,
  ...institutionsEn,
  ...dictionariesEn,
  ...fileCheckEn,
  ...entryPortalEn,
  ...overviewsEn,
  ...deliveriesEn,
};
