import type {
  AuditEventType,
  Channel,
  DeliveryStatus,
  DictionaryStatus,
  Frequency,
  InstitutionType,
  OrganisationKind,
  Role,
} from '../graphql/generated/graphql';
import type { FieldType, MessageClass, OutcomeStatus } from '@datahub/validation';
import { registriesNl } from '../modules/registries/i18n/nl';
import { accessNl } from '../modules/access/i18n/nl';
import { usersNl } from '../modules/users/i18n/nl';
import { hubNl } from '../modules/hub/i18n/nl';
import { mergersNl } from '../modules/mergers/i18n/nl';
import { agreementsNl } from '../modules/agreements/i18n/nl';
import { authorisationsNl } from '../modules/authorisations/i18n/nl';
import { forwardingNl } from '../modules/forwarding/i18n/nl';
import { contactsNl } from '../modules/contacts/i18n/nl';
import { channelsNl } from '../modules/channels/i18n/nl';
import { institutionsNl } from '../modules/institutions/i18n/nl';
import { dictionariesNl } from '../modules/dictionaries/i18n/nl';
import { fileCheckNl } from '../modules/file-check/i18n/nl';
import { entryPortalNl } from '../modules/entry-portal/i18n/nl';
import { overviewsNl } from '../modules/overviews/i18n/nl';
import { deliveriesNl } from '../modules/deliveries/i18n/nl';
import { participationsNl } from '../modules/participations/i18n/nl';
import { dataRequestsNl } from '../modules/data-requests/i18n/nl';

// Dutch is the console's first language: these are the words hospital staff know (docs/domain.md#glossary).
// Enum tables use `satisfies` so a value added to the schema fails the typecheck until it has a word.
export const nl = {
  app: {
    name: 'Registratie Datahub',
    skipToContent: 'Naar de inhoud',
  },
  serviceDesk: {
    label: 'Help en servicedesk',
    help: 'Help',
    name: 'Servicedesk',
    mail: 'Mail de servicedesk: {email}',
    call: 'Bel de servicedesk: {phone}',
  },
  language: {
    label: 'Taal',
    nl: 'Nederlands',
    en: 'English',
  },
  nav: {
    label: 'Hoofdmenu',
    overview: 'Overzicht',
    deliveries: 'Aangeleverd',
    expected: 'Verwacht',
    upload: 'Bestanden aanleveren',
    entry: 'Invoeren',
    forwardings: 'Afnameoverzicht',
    myAuthorisations: 'Mijn machtigingen',
    admin: 'Beheer',
    users: 'Gebruikers',
    deadlineExceptions: 'Afwijkende deadlines',
    organisations: 'Organisaties',
    institutions: 'Instellingen',
    audit: 'Auditlog',
    agreements: 'Overeenkomsten',
    authorisations: 'Machtigingen',
    processors: 'Verwerkers',
    contacts: 'Contactpersonen',
    announcements: 'Berichten',
    channels: 'Kanaalwissels',
    registries: 'Registraties en instellingen',
    dictionaries: 'Datadictionaries',
    check: 'Bestand controleren',
    completeness: 'Volledigheid',
    mergers: 'Fusies',
    registrations: 'Registraties',
    participationBoard: 'Deelnames',
    myDataRequests: 'Mijn verzoeken',
    dataRequestRegister: 'Register van verzoeken',
    dataRequestQueue: 'Gegevensverzoeken',
    dataRequestConsents: 'Toestemmingen',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    body: 'Deze pagina bestaat niet (meer).',
    // Per role: where it starts, and whom to ask (a processor or requester has no local administrator).
    role: {
      HUB_STAFF: {
        back: 'Naar registraties en instellingen',
        help: 'Zoekt u een registratie, instelling of aanlevering? Begin bij registraties en instellingen of kies een pagina in het menu.',
      },
      LOCAL_ADMIN: {
        back: 'Naar het overzicht',
        help: 'Het overzicht toont wat uw instelling moet aanleveren. Mist u een functie? Neem contact op met de servicedesk.',
      },
      SUBMITTER: {
        back: 'Naar het overzicht',
        help: 'Het overzicht toont wat u moet aanleveren. Mist u rechten voor een registratie? Vraag het de lokaal beheerder van uw instelling.',
      },
      VIEWER: {
        back: 'Naar het overzicht',
        help: 'Het overzicht toont de aanleveringen van uw instelling. Mist u rechten voor een registratie? Vraag het de lokaal beheerder van uw instelling.',
      },
      PROCESSOR: {
        back: 'Naar mijn machtigingen',
        help: 'Onder mijn machtigingen staan de gegevens die u mag afnemen. Mist u een machtiging? Neem contact op met de servicedesk.',
      },
      REQUESTER: {
        back: 'Naar mijn verzoeken',
        help: 'Uw gegevensverzoeken staan onder Mijn verzoeken; welke gegevens een registratie bijhoudt, leest u bij de registraties en hun datadictionaries. Vragen over uw verzoek? Neem contact op met de servicedesk.',
      },
      NONE: { back: 'Naar de startpagina', help: 'Log in om verder te gaan.' },
    } satisfies Record<Role | 'NONE', { back: string; help: string }>,
  },
  common: {
    yes: 'Ja',
    no: 'Nee',
    none: '—',
    cancel: 'Annuleren',
    actions: 'Acties',
    required: 'Vul dit veld in.',
    pager: {
      label: 'Bladeren',
      first: 'Eerste pagina',
      previous: 'Vorige',
      next: 'Volgende',
      page: 'Pagina {page}',
      pageOf: 'Pagina {page} van {pages}',
    },
  },
  query: {
    loading: 'Gegevens worden geladen…',
    errorTitle: 'De gegevens konden niet worden geladen',
    errorBody: 'Probeer het over enkele ogenblikken opnieuw.',
    correlationId: 'Blijft het misgaan? Geef dan deze foutcode door aan de servicedesk: {id}',
    retry: 'Opnieuw proberen',
  },
  errors: {
    forbiddenTitle: 'Geen toegang',
    forbidden:
      'U heeft geen rechten voor deze gegevens of handeling. Denkt u dat dit niet klopt? Neem dan contact op met de lokaal beheerder van uw instelling, of met de servicedesk als u bij een verwerker of verzoeker werkt.',
    unauthenticated: 'Uw sessie is verlopen. Log opnieuw in.',
    generic: 'Er ging iets mis.',
  },
  enums: {
    role: {
      HUB_STAFF: 'DHD-medewerker',
      LOCAL_ADMIN: 'Lokaal beheerder',
      SUBMITTER: 'Aanleveraar',
      VIEWER: 'Raadpleger',
      PROCESSOR: 'Verwerker',
      REQUESTER: 'Verzoeker',
    } satisfies Record<Role, string>,
    organisationKind: {
      HUB: 'DHD',
      INSTITUTION: 'Instelling',
      PROCESSOR: 'Verwerker',
      REQUESTER: 'Verzoeker',
    } satisfies Record<OrganisationKind, string>,
    organisationKindPlural: {
      HUB: 'DHD',
      INSTITUTION: 'Instellingen',
      PROCESSOR: 'Verwerkers',
      REQUESTER: 'Verzoekers',
    } satisfies Record<OrganisationKind, string>,
    auditEvent: {
      CREATE: 'Aangemaakt',
      UPDATE: 'Gewijzigd',
      DELETE: 'Verwijderd',
      READ: 'Ingezien',
      SEARCH: 'Gezocht',
      EXPORT: 'Geëxporteerd',
      LOGIN: 'Ingelogd',
      LOGIN_FAILURE: 'Inloggen mislukt',
      LOGOUT: 'Uitgelogd',
      AUTHORISATION_FAILURE: 'Geen toegang',
      SESSION_EXPIRED: 'Sessie verlopen',
      REFUSAL: 'Geweigerd',
    } satisfies Record<AuditEventType, string>,
    frequency: {
      MONTH: 'Maand',
      QUARTER: 'Kwartaal',
      HALF_YEAR: 'Halfjaar',
      YEAR: 'Jaar',
      TOTAL: 'Totaal',
    } satisfies Record<Frequency, string>,
    channel: {
      PORTAL: 'Webportaal',
      FHIR: 'FHIR',
      ENTRY_PORTAL: 'Invoerportaal',
    } satisfies Record<Channel, string>,
    deliveryStatus: {
      RECEIVED: 'Aangeleverd',
      PROCESSING: 'In verwerking',
      PROCESSED: 'Verwerkt',
      PROCESSED_WITH_ERRORS: 'Verwerkt met fouten',
      REJECTED: 'Afgekeurd',
      FAILED: 'Mislukt',
    } satisfies Record<DeliveryStatus, string>,
    institutionType: {
      UMC: 'UMC',
      GENERAL: 'Algemeen ziekenhuis',
      CATEGORICAL: 'Categorale instelling',
      INDEPENDENT_TREATMENT_CENTRE: 'Zelfstandig behandelcentrum (ZBC)',
      OTHER: 'Overig',
    } satisfies Record<InstitutionType, string>,
    dictionaryStatus: {
      DRAFT: 'Concept',
      ACTIVE: 'Actief',
      RETIRED: 'Vervallen',
    } satisfies Record<DictionaryStatus, string>,
    messageClass: {
      F: 'Fout: record niet verwerkt',
      W: 'Waarschuwing: record wel verwerkt',
      BF: 'Bestandsfout: bestand afgekeurd',
      BW: 'Bestandswaarschuwing',
      TF: 'Tegenstrijdig met eerdere gegevens: record niet verwerkt',
      TW: 'Mogelijk tegenstrijdig met eerdere gegevens: record wel verwerkt',
    } satisfies Record<MessageClass, string>,
    fieldType: {
      string: 'Tekst',
      integer: 'Geheel getal',
      decimal: 'Decimaal getal',
      date: 'Datum',
      code: 'Code',
    } satisfies Record<FieldType, string>,
    outcomeStatus: {
      PROCESSED: 'Verwerkt',
      PROCESSED_WITH_ERRORS: 'Verwerkt met fouten',
      REJECTED: 'Afgekeurd',
    } satisfies Record<OutcomeStatus, string>,
  },
  ...registriesNl,
  ...accessNl,
  ...usersNl,
  ...hubNl,
  ...mergersNl,
  ...agreementsNl,
  ...authorisationsNl,
  ...forwardingNl,
  ...contactsNl,
  ...channelsNl,
  ...participationsNl,
  ...dataRequestsNl,
  ...institutionsNl,
  ...dictionariesNl,
  ...fileCheckNl,
  ...entryPortalNl,
  ...overviewsNl,
  ...deliveriesNl,
};

export type MessageSchema = typeof nl;
