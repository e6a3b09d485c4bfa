import type { Catalogue } from './catalogue';

/** The English catalogue: the same keys and `{parameters}` as the Dutch one in nl.ts. */
export const en: Catalogue = {
  error: {
    UNAUTHENTICATED: 'Please log in first.',
    FORBIDDEN: 'You do not have access to this function.',
    INVALID_TOKEN: 'The API token is invalid, expired or revoked.',
  },
  refusal: {
    NOT_FOUND: '{object} not found.',
    FORBIDDEN: 'You do not have access to this.',

    HTTPS_REQUIRED: 'Logging in requires https.',
    INVALID_CREDENTIALS: 'Email address or password incorrect.',
    ACCOUNT_LOCKED: 'Too many failed attempts; try again in {minutes} minutes.',
    ADDRESS_BLOCKED: 'Too many failed attempts from this address; try again in {minutes} minutes.',
    NO_PENDING_LOGIN: 'No login in progress; please log in again.',
    INVALID_CODE: 'The code is incorrect or expired.',
    TOO_MANY_CODE_ATTEMPTS: 'Too many incorrect codes; please log in again.',
    TOTP_NOT_SET_UP: 'Set up an authenticator app first.',
    TOTP_ALREADY_SET_UP: 'The authenticator app is already set up.',

    PASSWORD_TOO_SHORT: 'The password must have at least {min} characters.',
    PASSWORD_TOO_COMMON: 'This password is too common; choose another.',
    INVALID_LINK: 'The link is invalid, already used or expired.',
    INVALID_EMAIL: '{email} is not a valid email address.',
    EMAIL_TAKEN: 'An account with this email address already exists.',

    ROLE_SCOPE: 'Role {role} needs: {scope}.',
    HUB_STAFF_ONLY: 'Only hub staff can grant this.',
    ALREADY_GRANTED: 'The user already holds this role.',
    LAST_LOCAL_ADMIN: 'This is the last active local administrator of {institution}; appoint another one first.',
    ORGANISATION_KIND: 'Only processors and requesters can be registered as organisations, not {kind}.',
    ORGANISATION_EXISTS: 'An organisation named {name} already exists.',
    INVALID_EXPIRY: 'The validity must be 1 to {max} days.',

    DELIVERY_FIELDS_MISSING: 'The file name does not follow the delivery specification; fill in {fields} yourself.',
    UNKNOWN_INSTITUTION: 'Institution {code} is unknown or not active.',
    UNKNOWN_UNIT: 'Institution {code} has no unit {unit}.',
    UNKNOWN_VERSION: 'Registry {registry} has no active dictionary version {version}.',
    CREATION_DATE_FUTURE: 'The creation date {date} is in the future.',
    FILE_TOO_LARGE: 'The file is larger than {max} bytes.',
    UPLOAD_ABORTED: 'The upload was interrupted; nothing was stored.',
    INSTITUTION_MERGED: 'Institution {code} has merged into {into}; deliver as {into}.',

    UNKNOWN_DICTIONARY: 'Dictionary {dictionary} does not exist.',
    DICTIONARY_NOT_NAMED: 'The file name names no dictionary; choose one.',

    UNKNOWN_STREAM: 'Stream {registry} {subDelivery} does not exist.',
    UNKNOWN_REGISTRY: 'Registry {registry} does not exist.',
    NO_TOTAL_PERIOD: 'Start and end period cannot be TOTAAL.',
    END_BEFORE_START: 'The end period lies before the start period.',
    CHANNEL_NOT_ACCEPTED: 'Registry {registry} does not accept channel {channel}.',
    NOT_SCHEDULED: 'Period {period} does not match a schedule of {subDelivery} ({frequencies}).',
    TOTAL_YEAR_REQUIRED: 'For TOTAAL, give the year the delivery covers.',
    DEADLINE_OR_EXEMPT: 'Give either a new deadline or an exemption, not both.',
    REASON_REQUIRED: 'Give a reason (1 to 500 characters).',

    MERGE_INTO_ITSELF: 'Institution {code} cannot merge into itself.',
    ALREADY_MERGED: 'Institution {code} has already merged into {into}.',
  },
  refusalDetail: {
    NOT_YOUR_INSTITUTION: 'You cannot deliver for institution {code}: it is unknown or not active, or you hold no submitter role there.',
    NOT_YOUR_DELIVERY: 'You may not deliver for institution {code}, registry {registry}.',
    TOKEN_CANNOT_MAKE_TOKENS: 'An API token cannot make API tokens; log in as a user.',
    REMINDERS_NEED_USER: 'Reminders belong to a user; an API token has none.',
  },
  object: {
    apiToken: 'API token',
    delivery: 'Delivery',
    deadlineException: 'Exception',
    institution: 'Institution',
    invitation: 'Invitation',
    roleAssignment: 'Role',
    session: 'Session',
    user: 'User',
  },
  roleScope: {
    INSTITUTION: 'an institution',
    INSTITUTION_REGISTRY: 'an institution and at least one registry',
    ORGANISATION: 'a processor or requester organisation of the right kind',
    HUB: 'no institution or organisation',
  },
  fileName: {
    check: 'File name: check {part}.',
    removed: 'File name: invisible control characters ({characters}) are left out.',
    part: {
      name: 'the name',
      extension: 'the extension (.csv or .xml)',
      institutionCode: 'the institution code (8 digits)',
      unit: 'the unit (a number)',
      registry: 'the registry',
      version: 'the version',
      sequenceNumber: 'the sequence number',
      creationDate: 'the creation date (YYYYMMDD, a real date)',
      environment: 'PROD or TEST',
    },
  },
  deliveryStatus: {
    PROCESSED: 'Processed',
    PROCESSED_WITH_ERRORS: 'Processed with errors',
    REJECTED: 'Rejected',
    FAILED: 'Failed (system error)',
  },
  report: {
    sheetName: 'Report',
    columns: { record: 'Record', code: 'Code', class: 'Class', field: 'Field', message: 'Message', key: 'Key' },
    xlsxTooManyRows: 'This report has more than {max} lines, more than Excel can show in one worksheet. Download it as CSV: {csv}',
  },
  paging: {
    PAGE_SIZE: '{argument} must be a whole number from 0 to {max}.',
    PAGE_DIRECTION: '{argument} cannot be combined with last or before: page forwards with first and after, or backwards with last and before.',
    INVALID_CURSOR: '{argument} is not a cursor of this list: pass a startCursor, endCursor or cursor this list itself gave, unchanged.',
  },
  mail: {
    signature: '\n\nRegistry Data Hub',
    emailCode: {
      subject: 'Your login code for the Registry Data Hub',
      text: 'Your login code is: {code}\n\nThe code is valid for 10 minutes and works once. Did you not try to log in? Tell your local administrator.',
    },
    invitation: {
      subject: 'Invitation to the Registry Data Hub ({organisation})',
      text: 'Dear {name},\n\nYou have been invited to the Registry Data Hub on behalf of {organisation}. Choose a password through this link (valid for 7 days, single use):\n{link}',
    },
    passwordReset: {
      subject: 'Reset your Registry Data Hub password',
      text: 'Choose a new password through this link (valid for 1 hour, single use):\n{link}\n\nDid you not ask for this? Then ignore this mail.',
    },
    deliveryProcessed: {
      subject: 'Delivery {registry} {period}: {status}',
      text: 'Processing of your delivery for {registry}, period {period}, has finished: {status}.\n\nSee the report: {link}',
    },
    reminder: {
      subject: 'Reminder: expected deliveries',
      text: 'These deliveries are due soon or overdue, and nothing has been delivered yet:\n\n{lines}\n\nNo more reminders for a registry? Turn them off at {optOutLink}',
      overdue: 'the deadline {deadline} has passed',
      due: 'deadline {deadline}',
    },
  },
};
