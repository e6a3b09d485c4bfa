import { GraphQLError } from 'graphql';

export type Language = 'nl' | 'en';

/** Messages the API shows to people, Dutch first. `{name}` is replaced from the parameters. */
const MESSAGES = {
  UNAUTHENTICATED: { nl: 'Log eerst in.', en: 'Please log in first.' },
  FORBIDDEN: { nl: 'U heeft geen toegang tot deze functie.', en: 'You do not have access to this function.' },
  INVALID_TOKEN: { nl: 'Het API-token is ongeldig, verlopen of ingetrokken.', en: 'The API token is invalid, expired or revoked.' },
  NOT_FOUND: { nl: '{object} niet gevonden.', en: '{object} not found.' },
  INVALID_CREDENTIALS: { nl: 'E-mailadres of wachtwoord onjuist.', en: 'Email address or password incorrect.' },
  ACCOUNT_LOCKED: {
    nl: 'Te veel mislukte pogingen; probeer het over {minutes} minuten opnieuw.',
    en: 'Too many failed attempts; try again in {minutes} minutes.',
  },
  ADDRESS_BLOCKED: {
    nl: 'Te veel mislukte pogingen vanaf dit adres; probeer het over {minutes} minuten opnieuw.',
    en: 'Too many failed attempts from this address; try again in {minutes} minutes.',
  },
  HTTPS_REQUIRED: { nl: 'Inloggen kan alleen via https.', en: 'Logging in requires https.' },
  NO_PENDING_LOGIN: { nl: 'Er loopt geen inlogpoging; log opnieuw in.', en: 'No login in progress; please log in again.' },
  INVALID_CODE: { nl: 'De code is onjuist of verlopen.', en: 'The code is incorrect or expired.' },
  TOO_MANY_CODE_ATTEMPTS: {
    nl: 'Te veel onjuiste codes; log opnieuw in.',
    en: 'Too many incorrect codes; please log in again.',
  },
  TOTP_NOT_SET_UP: { nl: 'Stel eerst een authenticator-app in.', en: 'Set up an authenticator app first.' },
  TOTP_ALREADY_SET_UP: { nl: 'De authenticator-app is al ingesteld.', en: 'The authenticator app is already set up.' },
  PASSWORD_TOO_SHORT: { nl: 'Het wachtwoord moet minstens {min} tekens hebben.', en: 'The password must have at least {min} characters.' },
  PASSWORD_TOO_COMMON: {
    nl: 'Dit wachtwoord is te gangbaar; kies een ander.',
    en: 'This password is too common; choose another.',
  },
  INVALID_LINK: { nl: 'De link is ongeldig, al gebruikt of verlopen.', en: 'The link is invalid, already used or expired.' },
  EMAIL_TAKEN: { nl: 'Er bestaat al een account met dit e-mailadres.', en: 'An account with this email address already exists.' },
  INVALID_EMAIL: { nl: '{email} is geen geldig e-mailadres.', en: '{email} is not a valid email address.' },
  LAST_LOCAL_ADMIN: {
    nl: 'Dit is de laatste actieve lokaal beheerder van {institution}; wijs eerst een ander aan.',
    en: 'This is the last active local administrator of {institution}; appoint another one first.',
  },
  ROLE_SCOPE: { nl: 'De rol {role} vraagt: {scope}.', en: 'Role {role} needs: {scope}.' },
  HUB_STAFF_ONLY: {
    nl: 'Alleen DHD-medewerkers kunnen dit toekennen.',
    en: 'Only hub staff can grant this.',
  },
  ALREADY_GRANTED: { nl: 'De gebruiker heeft deze rol al.', en: 'The user already holds this role.' },
  DELIVERY_FIELDS_MISSING: {
    nl: 'De bestandsnaam volgt de aanleverspecificatie niet; vul {fields} zelf in.',
    en: 'The file name does not follow the delivery specification; fill in {fields} yourself.',
  },
  UNKNOWN_INSTITUTION: { nl: 'Instelling {code} is onbekend of niet actief.', en: 'Institution {code} is unknown or not active.' },
  UNKNOWN_UNIT: { nl: 'Instelling {code} heeft geen onderdeel {unit}.', en: 'Institution {code} has no unit {unit}.' },
  UNKNOWN_VERSION: {
    nl: 'Registratie {registry} kent geen actieve datadictionary-versie {version}.',
    en: 'Registry {registry} has no active dictionary version {version}.',
  },
  NOT_YOUR_DELIVERY: {
    nl: 'U mag niet aanleveren voor instelling {code}, registratie {registry}.',
    en: 'You may not deliver for institution {code}, registry {registry}.',
  },
  FILE_TOO_LARGE: { nl: 'Het bestand is groter dan {max} bytes.', en: 'The file is larger than {max} bytes.' },
  UPLOAD_ABORTED: { nl: 'Het uploaden is afgebroken; er is niets opgeslagen.', en: 'The upload was interrupted; nothing was stored.' },
  CREATION_DATE_FUTURE: { nl: 'De aanmaakdatum {date} ligt in de toekomst.', en: 'The creation date {date} is in the future.' },
  ORGANISATION_EXISTS: { nl: 'Er bestaat al een organisatie met de naam {name}.', en: 'An organisation named {name} already exists.' },
  INVALID_EXPIRY: { nl: 'De geldigheid moet 1 tot {max} dagen zijn.', en: 'The validity must be 1 to {max} days.' },
  PAGE_SIZE: { nl: '{argument} moet een geheel getal van 0 tot en met {max} zijn.', en: '{argument} must be a whole number from 0 to {max}.' },
  PAGE_DIRECTION: {
    nl: '{argument} kan niet samen met last of before: blader vooruit met first en after, of terug met last en before.',
    en: '{argument} cannot be combined with last or before: page forwards with first and after, or backwards with last and before.',
  },
  INVALID_CURSOR: {
    nl: '{argument} is geen cursor van deze lijst: geef een startCursor, endCursor of cursor door die deze lijst zelf gaf, ongewijzigd.',
    en: '{argument} is not a cursor of this list: pass a startCursor, endCursor or cursor this list itself gave, unchanged.',
  },
  XLSX_TOO_MANY_ROWS: {
    nl: 'Dit verslag heeft meer dan {max} regels, meer dan Excel in één werkblad kan tonen. Download het als CSV: {csv}',
    en: 'This report has more than {max} lines, more than Excel can show in one worksheet. Download it as CSV: {csv}',
  },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** Replaces each `{name}` of a message template from the parameters (an unknown name stays as it is). */
export function fillIn(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function message(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillIn(MESSAGES[key][language], params);
}

/** A GraphQL error whose code the client can act on and whose text the user can read. */
export function userError(
  code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND',
  language: Language,
  key: MessageKey,
  params: Record<string, string | number> = {},
  field?: string,
): GraphQLError {
  return new GraphQLError(message(language, key, params), { extensions: { code, reason: key, ...(field ? { field } : {}) } });
}
