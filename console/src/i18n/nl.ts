import type {
  Channel,
  DictionaryStatus,
  Frequency,
  InstitutionType,
} from '../graphql/generated/graphql';

// Dutch is the console's first language: these are the words hospital staff know (DOMAIN.md).
// Enum tables use `satisfies` so a value added to the schema fails the typecheck until it has a word.
export const nl = {
  app: {
    name: 'Registratie Datahub',
    skipToContent: 'Naar de inhoud',
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
    forwardings: 'Afnameoverzicht',
    admin: 'Beheer',
    registries: 'Registraties en instellingen',
  },
  comingSoon: {
    notice: 'Deze pagina komt in een volgende versie.',
    overview:
      'Hier ziet u straks in één oogopslag welke aanleveringen ontbreken, welke binnenkort verwacht worden en welke zijn afgekeurd of fouten bevatten.',
    deliveries:
      'Hier ziet u straks alle aanleveringen van uw instelling, met hun status en verwerkingsverslag.',
    expected: 'Hier ziet u straks welke aanleveringen nog verwacht worden en wanneer.',
    upload:
      'Hier kunt u straks bestanden aanleveren: kiezen of slepen, controleren en aanleveren.',
    forwardings: 'Hier ziet u straks aan wie de gegevens van uw instelling zijn doorgeleverd.',
  },
  notFound: {
    title: 'Pagina niet gevonden',
    body: 'Deze pagina bestaat niet (meer).',
    back: 'Naar registraties en instellingen',
  },
  common: {
    yes: 'Ja',
    no: 'Nee',
    none: '—',
  },
  query: {
    loading: 'Gegevens worden geladen…',
    errorTitle: 'De gegevens konden niet worden geladen',
    errorBody: 'Probeer het over enkele ogenblikken opnieuw.',
    correlationId: 'Blijft het misgaan? Geef dan deze foutcode door aan de servicedesk: {id}',
    retry: 'Opnieuw proberen',
  },
  registries: {
    title: 'Registraties en instellingen',
    heading: 'Registraties',
    intro: 'De kwaliteitsregistraties waarvoor de Datahub gegevens ontvangt, met hun deelaanleveringen.',
    empty: 'Er zijn nog geen registraties vastgelegd.',
    holder: 'Houder',
    channels: 'Aanleverkanalen',
    informationProduct: 'Informatieproduct door de Datahub',
    subDeliveries: 'Deelaanleveringen',
    noSubDeliveries: 'Deze registratie heeft nog geen deelaanleveringen.',
    column: {
      code: 'Code',
      name: 'Naam',
      frequency: 'Frequentie',
      deadline: 'Deadline',
      dictionaryVersions: 'Datadictionary',
    },
    noVersions: 'Nog geen versies',
    validFrom: 'geldig vanaf {from}',
    validFromTo: 'geldig van {from} tot en met {to}',
  },
  deadline: {
    unknown: 'Niet vastgelegd',
    day:
      'Uiterlijk dag {day} van de laatste maand van de periode | Uiterlijk dag {day} van de maand na afloop van de periode | Uiterlijk dag {day} van de {months}e maand na afloop van de periode',
    lastDay:
      'Uiterlijk de laatste dag van de periode | Uiterlijk de laatste dag van de maand na afloop van de periode | Uiterlijk de laatste dag van de {months}e maand na afloop van de periode',
    fixedDate:
      'Uiterlijk {date} van het periodejaar | Uiterlijk {date} van het jaar na het periodejaar | Uiterlijk {date}, {years} jaar na het periodejaar',
  },
  institutions: {
    heading: 'Instellingen',
    intro: 'De zorginstellingen die bij de Datahub zijn aangesloten, met hun instellingsonderdelen.',
    filterLabel: 'Zoek een instelling',
    filterPlaceholder: 'Code, naam of onderdeel',
    count: 'Geen instellingen | 1 instelling | {n} instellingen',
    filteredCount: '{shown} van {total} instellingen',
    empty: 'Geen instellingen gevonden.',
    column: {
      code: 'Instellingscode',
      name: 'Naam',
      type: 'Type',
      active: 'Actief',
      units: 'Onderdelen',
    },
  },
  enums: {
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
    institutionType: {
      UMC: 'UMC',
      GENERAL: 'Algemeen ziekenhuis',
      CATEGORICAL: 'Categorale instelling',
    } satisfies Record<InstitutionType, string>,
    dictionaryStatus: {
      DRAFT: 'Concept',
      ACTIVE: 'Actief',
      RETIRED: 'Vervallen',
    } satisfies Record<DictionaryStatus, string>,
  },
};

export type MessageSchema = typeof nl;
