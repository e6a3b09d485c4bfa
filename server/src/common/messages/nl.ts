import type { RefusalCode } from '../refusal-code';

/**
 * Every text the server itself shows or mails to people, in Dutch (the first language). English is
 * in en.ts with exactly the same keys: a key missing or extra there does not compile, and a test
 * checks both languages use the same `{parameters}`. `{name}` is filled in by `fillIn`. The
 * validation engine's messages (report lines) are not here: the browser uses those too, so they stay
 * with the engine in validation/messages.ts.
 */
export const nl = {
  /** GraphQL errors: the caller, not the input, is the problem (not logged in, role missing). */
  error: {
    UNAUTHENTICATED: 'Log eerst in.',
    FORBIDDEN: 'U heeft geen toegang tot deze functie.',
    INVALID_TOKEN: 'Het API-token is ongeldig, verlopen of ingetrokken.',
  },
  /** One message per RefusalCode: `satisfies` fails to compile for a missing or unknown code. */
  refusal: {
    NOT_FOUND: '{object} niet gevonden.',
    FORBIDDEN: 'U heeft hiervoor geen toegang.',

    HTTPS_REQUIRED: 'Inloggen kan alleen via https.',
    INVALID_CREDENTIALS: 'E-mailadres of wachtwoord onjuist.',
    ACCOUNT_LOCKED: 'Te veel mislukte pogingen; probeer het over {minutes} minuten opnieuw.',
    ADDRESS_BLOCKED: 'Te veel mislukte pogingen vanaf dit adres; probeer het over {minutes} minuten opnieuw.',
    NO_PENDING_LOGIN: 'Er loopt geen inlogpoging; log opnieuw in.',
    INVALID_CODE: 'De code is onjuist of verlopen.',
    TOO_MANY_CODE_ATTEMPTS: 'Te veel onjuiste codes; log opnieuw in.',
    TOTP_NOT_SET_UP: 'Stel eerst een authenticator-app in.',
    TOTP_ALREADY_SET_UP: 'De authenticator-app is al ingesteld.',

    PASSWORD_TOO_SHORT: 'Het wachtwoord moet minstens {min} tekens hebben.',
    PASSWORD_TOO_COMMON: 'Dit wachtwoord is te gangbaar; kies een ander.',
    INVALID_LINK: 'De link is ongeldig, al gebruikt of verlopen.',
    INVALID_EMAIL: '{email} is geen geldig e-mailadres.',
    EMAIL_TAKEN: 'Er bestaat al een account met dit e-mailadres.',

    ROLE_SCOPE: 'De rol {role} vraagt: {scope}.',
    HUB_STAFF_ONLY: 'Alleen DHD-medewerkers kunnen dit toekennen.',
    ALREADY_GRANTED: 'De gebruiker heeft deze rol al.',
    LAST_LOCAL_ADMIN: 'Dit is de laatste actieve lokaal beheerder van {institution}; wijs eerst een ander aan.',
    ORGANISATION_KIND: 'Alleen verwerkers en verzoekers kunnen als organisatie worden geregistreerd, niet {kind}.',
    ORGANISATION_EXISTS: 'Er bestaat al een organisatie met de naam {name}.',
    INVALID_EXPIRY: 'De geldigheid moet 1 tot {max} dagen zijn.',

    INSTITUTION_CODE_FORMAT: 'Een instellingscode bestaat uit precies 8 cijfers; {code} niet.',
    INSTITUTION_CODE_TAKEN: 'Er bestaat al een instelling met instellingscode {code}.',
    NAME_REQUIRED: 'Geef een naam van 1 tot {max} tekens.',
    ALREADY_INACTIVE: '{name} is al gedeactiveerd.',
    ALREADY_ACTIVE: '{name} is al actief.',
    UNIT_NUMBER_TAKEN: 'Instelling {code} heeft al een onderdeel {unit}.',
    INSTITUTION_INACTIVE: 'Instelling {name} ({code}) is gedeactiveerd: er kan niets nieuws meer voor worden aangeleverd, aangemeld of toegekend.',
    UNIT_CLOSED: 'Onderdeel {unit} ({name}) van instelling {code} is gesloten per {date}: aanleveren met een aanleverdatum vanaf die dag kan niet.',

    DELIVERY_FIELDS_MISSING: 'De bestandsnaam volgt de aanleverspecificatie niet; vul {fields} zelf in.',
    UNKNOWN_INSTITUTION: 'Instelling {code} is onbekend of niet actief.',
    UNKNOWN_UNIT: 'Instelling {code} heeft geen onderdeel {unit}.',
    UNKNOWN_VERSION: 'Registratie {registry} kent geen actieve datadictionary-versie {version}.',
    CREATION_DATE_FUTURE: 'De aanmaakdatum {date} ligt in de toekomst.',
    FILE_TOO_LARGE: 'Het bestand is groter dan {max} bytes.',
    UPLOAD_ABORTED: 'Het uploaden is afgebroken; er is niets opgeslagen.',
    INSTITUTION_MERGED: 'Instelling {code} is gefuseerd met {into}; lever aan als {into}.',

    UNKNOWN_DICTIONARY: 'Datadictionary {dictionary} bestaat niet.',
    DICTIONARY_NOT_NAMED: 'De bestandsnaam noemt geen datadictionary; kies er een.',

    UNKNOWN_STREAM: 'Aanleverstroom {registry} {subDelivery} bestaat niet.',
    UNKNOWN_REGISTRY: 'Registratie {registry} bestaat niet.',
    NO_TOTAL_PERIOD: 'Start- en eindperiode kunnen geen TOTAAL zijn.',
    END_BEFORE_START: 'De eindperiode ligt voor de startperiode.',
    CHANNEL_NOT_ACCEPTED: 'Registratie {registry} accepteert kanaal {channel} niet.',
    NOT_SCHEDULED: 'Periode {period} past niet bij een schema van {subDelivery} ({frequencies}).',
    TOTAL_YEAR_REQUIRED: 'Geef bij TOTAAL het jaar dat de aanlevering dekt.',
    DEADLINE_OR_EXEMPT: 'Geef een nieuwe deadline of een vrijstelling, niet allebei.',
    REASON_REQUIRED: 'Geef een reden (1 tot 500 tekens).',

    REGISTRY_EXISTS: 'Er bestaat al een registratie met code {code}.',
    SUB_DELIVERY_EXISTS: 'Registratie {registry} heeft al een deelaanlevering {code}.',
    CODE_FORMAT: 'Code {code} heeft niet de juiste vorm: {form}.',
    CHANNELS_REQUIRED: 'Kies ten minste één kanaal.',
    DEADLINE_RULE_INVALID: 'De deadlineregel is onvolledig of valt buiten het bereik: {detail}.',
    DICTIONARY_PACKAGE_INVALID: 'Het datadictionary-pakket is afgekeurd: {count} probleem/problemen, zie de lijst.',
    VERSION_PUBLISHED: 'Versie {version} is al gepubliceerd; lever een nieuw versienummer aan.',
    VERSION_DATES: 'De datums passen niet: {detail}.',
    VERSION_NOT_ACCEPTED: 'B07: versie {version} van registratie {registry} wordt op {date} niet geaccepteerd; gebruik versie {use}.',
    AGREEMENT_SCOPE:
      'De algemene dienstverleningsovereenkomst en de verwerkersovereenkomst gelden per instelling (zonder registratie); een registratiebijlage en een dataprotocol horen bij een registratie.',
    NOT_PDF: 'Het bestand is geen PDF; er is niets opgeslagen.',
    TEXT_REQUIRED: 'Vul {field} in (hoogstens {max} tekens).',
    NO_RECIPIENTS: 'Registratie {registry} heeft geen contactpersonen om het bericht aan te sturen.',
    CHANNEL_NOT_ACTIVE: 'Instelling {code} levert voor registratie {registry} aan via kanaal {active}, niet via {channel}.',
    CHANNEL_ALREADY_ACTIVE: 'Kanaal {channel} is al het actieve kanaal voor registratie {registry}.',
    ALREADY_DECIDED: 'Over dit verzoek is al besloten.',
    MERGE_INTO_ITSELF: 'Instelling {code} kan niet met zichzelf fuseren.',
    ALREADY_MERGED: 'Instelling {code} is al gefuseerd met {into}.',
    ALREADY_PARTICIPATING: 'Deze instelling neemt al deel aan {subDelivery} of heeft zich er al voor aangemeld.',
    CONTACT_REQUIRED: 'Geef minstens één contactpersoon (en hoogstens tien), elk met naam, rol en een geldig e-mailadres.',
    TRANSITION_NOT_ALLOWED: 'Van {from} naar {to} kan niet. Vanuit {from} kan: {open}.',
    TRANSITION_ROLE: 'Van {from} naar {to} mag alleen {who}.',
    AGREEMENTS_NOT_SIGNED: 'Nog niet alle overeenkomsten zijn getekend; nog nodig: {missing}.',
    ACCOUNTS_MISSING: 'De accounts zijn nog niet gereed; nog nodig: {missing}.',
    GO_LIVE_NOT_MET: 'Nog niet klaar voor productie; nog nodig: {missing}.',
    END_PERIOD_REQUIRED: 'Geef de laatste periode die nog verwacht wordt (eindperiode).',
    NOTE_TOO_LONG: 'Een toelichting heeft hoogstens 1000 tekens.',
    VENDOR_REQUIRED: 'Geef de oude en de nieuwe EPD-leverancier (elk 1 tot 200 tekens).',
    GO_LIVE_MIN_RANGE: 'Het aantal foutloze testaanleveringen moet 1 tot en met 20 zijn.',
    NOT_A_PROCESSOR: '{name} is geen verwerker.',
    LINK_EXISTS: '{name} is al gekoppeld aan {registry}; wijzig die koppeling.',
    FIELDS_REQUIRED: 'Kies minstens één veld.',
    UNKNOWN_FIELDS: 'Niet in de huidige dataset van {registry}: {fields}.',
    RECORD_KEY_LINKABLE:
      'De recordsleutel van {registry} bevat {fields}, dat tot een patiënt herleidbaar is: deze aanleverstroom kan niet aan een verwerker worden doorgeleverd.',
    IDENTIFYING_FIELDS: 'Identificerende en tot de patiënt herleidbare velden verlaten de datahub nooit: {fields}.',
    FIELDS_OUTSIDE_LINK: 'Buiten de velden die deze verwerker mag ontvangen: {fields}.',
    VALIDITY_DATES: 'De einddatum ligt vóór de begindatum.',
    ALREADY_REVOKED: 'Deze machtiging is al ingetrokken; verleen een nieuwe.',
    NOTICE_URL_MALFORMED: 'Dit is geen geldige volledige URL (hoogstens 2000 tekens).',
    NOTICE_URL_NOT_HTTPS: 'De URL voor meldingen moet met https:// beginnen.',
    NOTICE_URL_CREDENTIALS: 'De URL mag geen gebruikersnaam of wachtwoord bevatten; meldingen worden ondertekend.',
    NOTICE_URL_PRIVATE_HOST: 'De URL wijst naar localhost of een intern, privé of lokaal IP-adres; de datahub meldt alleen aan publieke adressen.',
    NO_NOTICE_ENDPOINT: 'Er is geen actief meldingsadres; registreer er eerst een.',
  } satisfies Record<RefusalCode, string>,
  /** Refusals whose code is shared but whose words say more (code FORBIDDEN, with these words). */
  refusalDetail: {
    NOT_YOUR_INSTITUTION: 'U kunt niet aanleveren voor instelling {code}: die is onbekend of niet actief, of u heeft er geen rol als aanleveraar.',
    NOT_YOUR_DELIVERY: 'U mag niet aanleveren voor instelling {code}, registratie {registry}.',
    TOKEN_CANNOT_MAKE_TOKENS: 'Een API-token kan geen API-tokens maken; log in als gebruiker.',
    REMINDERS_NEED_USER: 'Herinneringen horen bij een gebruiker; een API-token heeft ze niet.',
  },
  /** The participation lifecycle: states, who may move, and what is still missing. */
  participation: {
    state: {
      REQUESTED: 'aangemeld',
      AGREEMENTS_SENT: 'overeenkomsten verstuurd',
      AGREEMENTS_SIGNED: 'overeenkomsten getekend',
      ACCOUNTS_READY: 'accounts gereed',
      TESTING: 'testen',
      PRODUCTION: 'productie',
      SUSPENDED: 'opgeschort',
      ENDED: 'beëindigd',
    },
    mover: { HUB: 'DHD-medewerkers', LOCAL_ADMIN: 'de lokaal beheerder' },
    or: ' of ',
    none: 'niets (beëindigd is definitief)',
    missing: {
      LOCAL_ADMIN: 'een actieve lokaal beheerder',
      SUBMITTER: 'een actieve aanleveraar voor deze registratie',
      IN_TESTING: 'de deelname in de teststatus',
      REQUIRED_VERSION: 'een geldende versie van de gegevensset',
      CLEAN_TEST_DELIVERIES: '{min} foutloze testaanlevering(en) met versie {version} (nu {count})',
    },
    system: 'systeem',
  },
  /** Names of things, for NOT_FOUND's `{object}`. */
  object: {
    agreement: 'Overeenkomst',
    authorisation: 'Machtiging',
    processorLink: 'Verwerkerskoppeling',
    channelSwitchRequest: 'Kanaalwissel',
    registryContact: 'Contactpersoon',
    registry: 'Registratie',
    apiToken: 'API-token',
    delivery: 'Aanlevering',
    deadlineException: 'Uitzondering',
    institution: 'Instelling',
    invitation: 'Uitnodiging',
    organisation: 'Organisatie',
    participation: 'Deelname',
    roleAssignment: 'Rol',
    session: 'Sessie',
    unit: 'Onderdeel',
    subDelivery: 'Deelaanlevering',
    dictionaryVersion: 'Datadictionary-versie',
    user: 'Gebruiker',
  },
  /** Delivery channels as people read them. */
  channel: {
    PORTAL: 'Webportaal',
    FHIR: 'FHIR',
    ENTRY_PORTAL: 'Invoerportaal',
  },
  agreementKind: {
    GENERAL_SERVICE: 'algemene dienstverleningsovereenkomst',
    PROCESSING: 'verwerkersovereenkomst',
    REGISTRY_SUPPLEMENT: 'aanvullende registratieovereenkomst',
    DATA_PROTOCOL: 'dataprotocol',
  },
  /** What a role's scope needs (ROLE_SCOPE's `{scope}`). */
  roleScope: {
    INSTITUTION: 'een instelling',
    INSTITUTION_REGISTRY: 'een instelling en minstens één registratie',
    ORGANISATION: 'een verwerker- of verzoekerorganisatie van de juiste soort',
    HUB: 'geen instelling of organisatie',
  },
  /** "Controleren" of a file name: which part of a non-conforming name to look at. */
  fileName: {
    check: 'Bestandsnaam: controleer {part}.',
    removed: 'Bestandsnaam: onzichtbare stuurtekens ({characters}) worden weggelaten.',
    part: {
      name: 'de naam',
      extension: 'de extensie (.csv of .xml)',
      institutionCode: 'de instellingscode (8 cijfers)',
      unit: 'het onderdeel (een getal)',
      registry: 'de registratie',
      version: 'de versie',
      sequenceNumber: 'het volgnummer',
      creationDate: 'de aanmaakdatum (JJJJMMDD, een bestaande datum)',
      environment: 'PROD of TEST',
    },
  },
  /** Delivery statuses as people read them (mails). */
  deliveryStatus: {
    PROCESSED: 'Verwerkt',
    PROCESSED_WITH_ERRORS: 'Verwerkt met fouten',
    REJECTED: 'Afgekeurd',
    FAILED: 'Mislukt (systeemfout)',
  },
  /** The Verslag's exports (CSV and Excel). */
  report: {
    sheetName: 'Verslag',
    columns: { record: 'Record', code: 'Code', class: 'Klasse', field: 'Veld', message: 'Melding', key: 'Sleutel' },
    xlsxTooManyRows: 'Dit verslag heeft meer dan {max} regels, meer dan Excel in één werkblad kan tonen. Download het als CSV: {csv}',
  },
  /** Paging arguments of a connection (first, after, last, before) that cannot be used. */
  paging: {
    PAGE_SIZE: '{argument} moet een geheel getal van 0 tot en met {max} zijn.',
    PAGE_DIRECTION: '{argument} kan niet samen met last of before: blader vooruit met first en after, of terug met last en before.',
    INVALID_CURSOR: '{argument} is geen cursor van deze lijst: geef een startCursor, endCursor of cursor door die deze lijst zelf gaf, ongewijzigd.',
    FORWARD_ONLY: '{argument} kan bij deze lijst niet: die bladert alleen vooruit, met first en after.',
  },
  mail: {
    announcement: {
      subject: '{registry}: {subject}',
      footer: 'U ontvangt dit bericht als contactpersoon voor registratie {registry} van {institution}.',
    },
    signature: '\n\nRegistratie Datahub',
    emailCode: {
      subject: 'Uw inlogcode voor de Registratie Datahub',
      text: 'Uw inlogcode is: {code}\n\nDe code is 10 minuten geldig en werkt één keer. Heeft u niet geprobeerd in te loggen? Meld het aan uw lokaal beheerder.',
    },
    invitation: {
      subject: 'Uitnodiging voor de Registratie Datahub ({organisation})',
      text: 'Beste {name},\n\nU bent uitgenodigd voor de Registratie Datahub namens {organisation}. Kies via deze link een wachtwoord (7 dagen geldig, één keer te gebruiken):\n{link}',
    },
    passwordReset: {
      subject: 'Wachtwoord herstellen voor de Registratie Datahub',
      text: 'Kies een nieuw wachtwoord via deze link (1 uur geldig, één keer te gebruiken):\n{link}\n\nHeeft u dit niet gevraagd? Dan kunt u deze mail negeren.',
    },
    deliveryProcessed: {
      subject: 'Aanlevering {registry} {period}: {status}',
      text: 'De verwerking van uw aanlevering voor {registry}, periode {period}, is klaar: {status}.\n\nBekijk het verslag: {link}',
    },
    reminder: {
      subject: 'Herinnering: verwachte aanleveringen',
      text: 'Voor deze aanleveringen nadert de deadline of is die verstreken, en er is nog niets aangeleverd:\n\n{lines}\n\nGeen herinneringen meer voor een registratie? Zet ze uit via {optOutLink}',
      overdue: 'de deadline {deadline} is verstreken',
      due: 'deadline {deadline}',
    },
  },
};
