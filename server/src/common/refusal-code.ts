import { registerEnumType } from 'type-graphql';

/**
 * Everything the API can refuse, in one list: a refusal's `code` is always one of these. Grouped by
 * the module that refuses; a code shared by modules (NOT_FOUND, FORBIDDEN, UNKNOWN_INSTITUTION)
 * stands in the first group that uses it. Each code has its description below (shown in the schema)
 * and its message in every language of `common/messages/` (a missing one does not compile).
 */
export enum RefusalCode {
  // Any module
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',

  // Access: login and second factor
  HTTPS_REQUIRED = 'HTTPS_REQUIRED',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  ADDRESS_BLOCKED = 'ADDRESS_BLOCKED',
  NO_PENDING_LOGIN = 'NO_PENDING_LOGIN',
  INVALID_CODE = 'INVALID_CODE',
  TOO_MANY_CODE_ATTEMPTS = 'TOO_MANY_CODE_ATTEMPTS',
  TOTP_NOT_SET_UP = 'TOTP_NOT_SET_UP',
  TOTP_ALREADY_SET_UP = 'TOTP_ALREADY_SET_UP',

  // Access: passwords and invitations
  PASSWORD_TOO_SHORT = 'PASSWORD_TOO_SHORT',
  PASSWORD_TOO_COMMON = 'PASSWORD_TOO_COMMON',
  INVALID_LINK = 'INVALID_LINK',
  INVALID_EMAIL = 'INVALID_EMAIL',
  EMAIL_TAKEN = 'EMAIL_TAKEN',

  // Access: users, roles, organisations and API tokens
  ROLE_SCOPE = 'ROLE_SCOPE',
  HUB_STAFF_ONLY = 'HUB_STAFF_ONLY',
  ALREADY_GRANTED = 'ALREADY_GRANTED',
  LAST_LOCAL_ADMIN = 'LAST_LOCAL_ADMIN',
  ORGANISATION_KIND = 'ORGANISATION_KIND',
  ORGANISATION_EXISTS = 'ORGANISATION_EXISTS',
  INVALID_EXPIRY = 'INVALID_EXPIRY',

  // Institutions: hub staff manage institutions, their units and organisations
  INSTITUTION_CODE_FORMAT = 'INSTITUTION_CODE_FORMAT',
  INSTITUTION_CODE_TAKEN = 'INSTITUTION_CODE_TAKEN',
  NAME_REQUIRED = 'NAME_REQUIRED',
  ALREADY_INACTIVE = 'ALREADY_INACTIVE',
  ALREADY_ACTIVE = 'ALREADY_ACTIVE',
  UNIT_NUMBER_TAKEN = 'UNIT_NUMBER_TAKEN',
  INSTITUTION_INACTIVE = 'INSTITUTION_INACTIVE',
  UNIT_CLOSED = 'UNIT_CLOSED',

  // Deliveries: the target of an upload, and the upload itself
  DELIVERY_FIELDS_MISSING = 'DELIVERY_FIELDS_MISSING',
  UNKNOWN_INSTITUTION = 'UNKNOWN_INSTITUTION',
  UNKNOWN_UNIT = 'UNKNOWN_UNIT',
  UNKNOWN_VERSION = 'UNKNOWN_VERSION',
  CREATION_DATE_FUTURE = 'CREATION_DATE_FUTURE',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  UPLOAD_ABORTED = 'UPLOAD_ABORTED',
  INSTITUTION_MERGED = 'INSTITUTION_MERGED',

  // File check
  UNKNOWN_DICTIONARY = 'UNKNOWN_DICTIONARY',
  DICTIONARY_NOT_NAMED = 'DICTIONARY_NOT_NAMED',

  // Overviews: participations, schedules and deadline exceptions, reminders
  UNKNOWN_STREAM = 'UNKNOWN_STREAM',
  UNKNOWN_REGISTRY = 'UNKNOWN_REGISTRY',
  NO_TOTAL_PERIOD = 'NO_TOTAL_PERIOD',
  END_BEFORE_START = 'END_BEFORE_START',
  CHANNEL_NOT_ACCEPTED = 'CHANNEL_NOT_ACCEPTED',
  NOT_SCHEDULED = 'NOT_SCHEDULED',
  TOTAL_YEAR_REQUIRED = 'TOTAL_YEAR_REQUIRED',
  DEADLINE_OR_EXEMPT = 'DEADLINE_OR_EXEMPT',
  REASON_REQUIRED = 'REASON_REQUIRED',

  // Registries and dictionaries: onboarding, packages, versions over time
  REGISTRY_EXISTS = 'REGISTRY_EXISTS',
  SUB_DELIVERY_EXISTS = 'SUB_DELIVERY_EXISTS',
  CODE_FORMAT = 'CODE_FORMAT',
  CHANNELS_REQUIRED = 'CHANNELS_REQUIRED',
  DEADLINE_RULE_INVALID = 'DEADLINE_RULE_INVALID',
  DICTIONARY_PACKAGE_INVALID = 'DICTIONARY_PACKAGE_INVALID',
  VERSION_PUBLISHED = 'VERSION_PUBLISHED',
  VERSION_DATES = 'VERSION_DATES',
  VERSION_NOT_ACCEPTED = 'VERSION_NOT_ACCEPTED',
  // Agreements, registry contact persons and announcements, channels
  AGREEMENT_SCOPE = 'AGREEMENT_SCOPE',
  NOT_PDF = 'NOT_PDF',
  TEXT_REQUIRED = 'TEXT_REQUIRED',
  NO_RECIPIENTS = 'NO_RECIPIENTS',
  CHANNEL_NOT_ACTIVE = 'CHANNEL_NOT_ACTIVE',
  CHANNEL_ALREADY_ACTIVE = 'CHANNEL_ALREADY_ACTIVE',
  ALREADY_DECIDED = 'ALREADY_DECIDED',
  // Mergers
  MERGE_INTO_ITSELF = 'MERGE_INTO_ITSELF',
  ALREADY_MERGED = 'ALREADY_MERGED',
  // Participations: sign-up, lifecycle, go-live, vendor changes
  ALREADY_PARTICIPATING = 'ALREADY_PARTICIPATING',
  CONTACT_REQUIRED = 'CONTACT_REQUIRED',
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  TRANSITION_ROLE = 'TRANSITION_ROLE',
  ACCOUNTS_MISSING = 'ACCOUNTS_MISSING',
  AGREEMENTS_NOT_SIGNED = 'AGREEMENTS_NOT_SIGNED',
  GO_LIVE_NOT_MET = 'GO_LIVE_NOT_MET',
  END_PERIOD_REQUIRED = 'END_PERIOD_REQUIRED',
  NOTE_TOO_LONG = 'NOTE_TOO_LONG',
  VENDOR_REQUIRED = 'VENDOR_REQUIRED',
  GO_LIVE_MIN_RANGE = 'GO_LIVE_MIN_RANGE',
  // Authorisations: processor links and the institutions' grants
  NOT_A_PROCESSOR = 'NOT_A_PROCESSOR',
  LINK_EXISTS = 'LINK_EXISTS',
  FIELDS_REQUIRED = 'FIELDS_REQUIRED',
  UNKNOWN_FIELDS = 'UNKNOWN_FIELDS',
  IDENTIFYING_FIELDS = 'IDENTIFYING_FIELDS',
  RECORD_KEY_LINKABLE = 'RECORD_KEY_LINKABLE',
  FIELDS_OUTSIDE_LINK = 'FIELDS_OUTSIDE_LINK',
  VALIDITY_DATES = 'VALIDITY_DATES',
  ALREADY_REVOKED = 'ALREADY_REVOKED',

  // Notices: processors' endpoints for "new data is available"
  NOTICE_URL_MALFORMED = 'NOTICE_URL_MALFORMED',
  NOTICE_URL_NOT_HTTPS = 'NOTICE_URL_NOT_HTTPS',
  NOTICE_URL_CREDENTIALS = 'NOTICE_URL_CREDENTIALS',
  NOTICE_URL_PRIVATE_HOST = 'NOTICE_URL_PRIVATE_HOST',
  NO_NOTICE_ENDPOINT = 'NO_NOTICE_ENDPOINT',
}

const DESCRIPTIONS: Record<RefusalCode, string> = {
  NOT_FOUND: 'The object does not exist, or is not yours to see or change (the two are never told apart).',
  FORBIDDEN: 'Your roles do not allow this for this object (e.g. another institution, or with an API token).',

  HTTPS_REQUIRED: 'Logging in needs an https connection.',
  INVALID_CREDENTIALS: 'E-mail address or password incorrect (which of the two is never told).',
  ACCOUNT_LOCKED: 'Too many failed logins for this account: wait `retryAfterSeconds`.',
  ADDRESS_BLOCKED: 'Too many failed logins from this address: wait `retryAfterSeconds`.',
  NO_PENDING_LOGIN: 'A second-factor step without a login in progress: log in again.',
  INVALID_CODE: 'The authenticator or mailed code is wrong or expired.',
  TOO_MANY_CODE_ATTEMPTS: 'Too many wrong codes: the pending login ended; log in again.',
  TOTP_NOT_SET_UP: 'No authenticator app is set up yet: start the set-up first.',
  TOTP_ALREADY_SET_UP: 'An authenticator app is already set up for this account.',

  PASSWORD_TOO_SHORT: 'The new password is shorter than the minimum (parameter `min`).',
  PASSWORD_TOO_COMMON: 'The new password is too common or guessable.',
  INVALID_LINK: 'The invitation or reset link is invalid, used or expired.',
  INVALID_EMAIL: 'The e-mail address is not valid.',
  EMAIL_TAKEN: 'An account with this e-mail address already exists.',

  ROLE_SCOPE: "The role's scope is incomplete or wrong (parameter `scope` says what the role needs).",
  HUB_STAFF_ONLY: 'Only hub staff may grant this role or make this token.',
  ALREADY_GRANTED: 'The user already holds this role with this scope.',
  LAST_LOCAL_ADMIN: 'The last active local administrator of an institution cannot be removed or deactivated.',
  ORGANISATION_KIND: 'Only processor and requester organisations can be registered.',
  ORGANISATION_EXISTS: 'An organisation with this name already exists.',
  INVALID_EXPIRY: "A token's validity must be 1 to 365 days.",

  INSTITUTION_CODE_FORMAT: 'An institution code is exactly 8 digits (field `code`).',
  INSTITUTION_CODE_TAKEN: 'Another institution already has this code (field `code`).',
  NAME_REQUIRED: 'A name of 1 to `max` characters is required (field `name`).',
  ALREADY_INACTIVE: 'The institution or organisation is already deactivated.',
  ALREADY_ACTIVE: 'The institution or organisation is already active.',
  UNIT_NUMBER_TAKEN: 'The institution already has a unit with this number (field `number`).',
  INSTITUTION_INACTIVE: 'The institution is deactivated: it accepts no deliveries, sign-ups, invitations or new roles (the message names it).',
  UNIT_CLOSED: 'The unit is closed from a date on or before the delivery date: it accepts no deliveries (the message names unit and date).',

  DELIVERY_FIELDS_MISSING: 'The file name does not conform and the fields it would give were not filled in.',
  UNKNOWN_INSTITUTION: 'No (active) institution has this code.',
  UNKNOWN_UNIT: 'The institution has no unit with this number.',
  UNKNOWN_VERSION: 'The registry has no active dictionary version with this number.',
  CREATION_DATE_FUTURE: 'The creation date lies in the future.',
  FILE_TOO_LARGE: 'The file exceeds the upload limit (parameter `max`, bytes); nothing was stored.',
  UPLOAD_ABORTED: 'The upload broke off; nothing was stored.',
  INSTITUTION_MERGED: 'The institution merged into another (parameter `into`) and delivers no more from the merger day: deliver as that institution.',

  UNKNOWN_DICTIONARY: 'No dictionary has this `REGISTRY/SubDelivery/version`.',
  DICTIONARY_NOT_NAMED: 'The file name does not conform, so it names no dictionary: give one.',

  UNKNOWN_STREAM: 'The registry has no sub-delivery with this code.',
  UNKNOWN_REGISTRY: 'No registry has this code.',
  NO_TOTAL_PERIOD: 'A participation cannot start or end with TOTAAL.',
  END_BEFORE_START: 'The end period lies before the start period.',
  CHANNEL_NOT_ACCEPTED: 'The registry does not accept this channel.',
  NOT_SCHEDULED: "The period matches none of the sub-delivery's schedules.",
  TOTAL_YEAR_REQUIRED: 'A TOTAAL period needs the calendar year it covers.',
  DEADLINE_OR_EXEMPT: 'Give a new deadline or an exemption, not both and not neither.',
  REASON_REQUIRED: 'A reason of 1 to 500 characters is required.',

  REGISTRY_EXISTS: 'A registry with this code already exists.',
  SUB_DELIVERY_EXISTS: 'The registry already has a sub-delivery with this code.',
  CODE_FORMAT: 'The code does not have the required form (parameter `form`).',
  CHANNELS_REQUIRED: 'At least one accepted channel is required.',
  DEADLINE_RULE_INVALID: 'The deadline rule is incomplete or out of range for its kind.',
  DICTIONARY_PACKAGE_INVALID:
    'The dictionary package is not valid JSON, breaks the format, or its examples do not give their expected outcome: `problems` lists each with its JSON path.',
  VERSION_PUBLISHED: 'This dictionary version is already published: upload a new version number instead.',
  VERSION_DATES:
    "The dates do not fit: required from and the previous version's accepted until must not lie before accepted from, and accepted from not before the previous version's.",
  VERSION_NOT_ACCEPTED:
    'B07: the dictionary version is not accepted on this day (before its accepted-from or after its accepted-until); the message names the version to use.',
  AGREEMENT_SCOPE: 'General service and processing agreements are per institution (no registry); registry supplements and data protocols need a registry.',
  NOT_PDF: 'The file is not a PDF (its content does not start with `%PDF-`); nothing was stored.',
  TEXT_REQUIRED: 'A required text (parameter `field`) is empty or longer than its maximum (parameter `max`).',
  NO_RECIPIENTS: 'The registry has no contact persons to send the announcement to.',
  CHANNEL_NOT_ACTIVE: "This channel is not the institution's active channel for the registry (parameter `active` names it).",
  CHANNEL_ALREADY_ACTIVE: 'The channel asked for is already the active one.',
  ALREADY_DECIDED: 'The request was already approved or declined.',
  MERGE_INTO_ITSELF: 'An institution cannot merge into itself.',
  ALREADY_MERGED: 'The institution has already merged into another (parameter `into`); demergers are not supported.',
  ALREADY_PARTICIPATING: 'The institution already takes part in (or signed up for) this sub-delivery and has not ended it (parameter `subDelivery`).',
  CONTACT_REQUIRED: 'A sign-up needs at least one contact person, each with a name, a role and a valid e-mail address (up to 10).',
  TRANSITION_NOT_ALLOWED: 'The lifecycle has no move from `from` to `to`; `open` lists the moves from `from`.',
  TRANSITION_ROLE: 'This move is allowed, but not for your role: `who` says who may make it.',
  AGREEMENTS_NOT_SIGNED:
    "AGREEMENTS_SIGNED needs the general service and processing agreements and the registry's supplement and data protocol signed and not expired; `missing` names the others.",
  ACCOUNTS_MISSING: 'ACCOUNTS_READY needs an active local administrator and an active submitter for the registry; `missing` names what is not there.',
  GO_LIVE_NOT_MET: "The registry's go-live criteria are not met; `missing` names what is not there (see goLiveChecklist).",
  END_PERIOD_REQUIRED: 'Ending a participation that expected deliveries needs the last period that stays expected (endPeriod).',
  NOTE_TOO_LONG: 'A note has at most 1000 characters.',
  VENDOR_REQUIRED: 'Both vendors (from and to) are needed, each 1 to 200 characters.',
  GO_LIVE_MIN_RANGE: 'The number of clean test deliveries must be 1 to 20.',
  NOT_A_PROCESSOR: 'Only a processor organisation (kind PROCESSOR) can be linked to a registry.',
  LINK_EXISTS: 'The processor is already linked to this registry or sub-delivery: update that link instead.',
  FIELDS_REQUIRED: 'Choose at least one field.',
  UNKNOWN_FIELDS: "These fields (parameter `fields`) are not in the registry's current dictionary.",
  RECORD_KEY_LINKABLE:
    "The stream's record key, which every forwarded row carries, holds a patient-linkable field (parameter `fields`): it cannot be forwarded.",
  IDENTIFYING_FIELDS: 'These fields (parameter `fields`) are identifying or patient-linkable (the patient key, pseudonyms included) and never leave the hub.',
  FIELDS_OUTSIDE_LINK: "These fields (parameter `fields`) are outside the processor link's field set.",
  VALIDITY_DATES: 'The end of the validity (validUntil) lies before its start (validFrom).',
  ALREADY_REVOKED: 'The authorisation is already revoked: grant a new one.',
  NOTICE_URL_MALFORMED: 'The notice URL (parameter `url`) is not a valid absolute URL of at most 2000 characters.',
  NOTICE_URL_NOT_HTTPS: 'The notice URL must use https.',
  NOTICE_URL_CREDENTIALS: 'The notice URL must not carry a user name or password: notices are signed instead.',
  NOTICE_URL_PRIVATE_HOST:
    'The notice URL names localhost or a loopback, private, link-local or otherwise non-public IP address: the hub only calls public hosts.',
  NO_NOTICE_ENDPOINT: 'The organisation has no active notice endpoint: register one first.',
};

registerEnumType(RefusalCode, {
  name: 'RefusalCode',
  description: 'Why something was refused: the catalogue of every refusal the API gives.',
  valuesConfig: Object.fromEntries(Object.entries(DESCRIPTIONS).map(([code, description]) => [code, { description }])),
});
