import { DriverException } from '@mikro-orm/core';
import { registerEnumType } from 'type-graphql';
import type { Language } from '../common/messages';
import { StorageError } from '../storage/file-store';

/**
 * Why processing a delivery failed, as a code: what is stored and shown is the code and a text made
 * from it, never the exception's own text (a PostgreSQL error can quote a value from the file, a
 * path can name a folder). The file's own problems are never failures: they are report lines.
 */
export enum DeliveryFailure {
  STORAGE_UNREADABLE = 'STORAGE_UNREADABLE',
  DATABASE_ERROR = 'DATABASE_ERROR',
  INTERNAL_ERROR = 'INTERNAL_ERROR',
}

registerEnumType(DeliveryFailure, {
  name: 'DeliveryFailure',
  description: 'Why processing failed (FAILED only).',
  valuesConfig: {
    STORAGE_UNREADABLE: { description: 'The stored file could not be read back (missing, damaged or altered).' },
    DATABASE_ERROR: { description: 'The database refused or lost a statement while the delivery was checked or stored.' },
    INTERNAL_ERROR: { description: 'Any other system error.' },
  },
});

const FAILURE_MESSAGES: Record<DeliveryFailure, Record<Language, string>> = {
  STORAGE_UNREADABLE: {
    nl: 'Het opgeslagen bestand kon niet worden gelezen (ontbrekend of beschadigd). Lever het bestand opnieuw aan; meld het aan de beheerder als dit blijft gebeuren.',
    en: 'The stored file could not be read (missing or damaged). Deliver the file again; tell the administrator if this keeps happening.',
  },
  DATABASE_ERROR: {
    nl: 'Een databasefout onderbrak de verwerking. Er is niets van het bestand opgenomen; lever het opnieuw aan of meld het aan de beheerder.',
    en: 'A database error interrupted processing. Nothing of the file was taken in; deliver it again or tell the administrator.',
  },
  INTERNAL_ERROR: {
    nl: 'Een systeemfout onderbrak de verwerking. Er is niets van het bestand opgenomen; meld het aan de beheerder.',
    en: 'A system error interrupted processing. Nothing of the file was taken in; tell the administrator.',
  },
};

/** The SQLSTATE of an error PostgreSQL sent (pg's DatabaseError: a five-character code and a severity), if it is one. */
function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string' ? code : undefined;
}

/**
 * The failure an error stands for, judged by its class (never by its text). pg's errors are
 * recognised by shape: knex's raw statements and COPY pass them on unwrapped, and more than one
 * copy of pg may be installed, so `instanceof` would miss some.
 */
export function classifyFailure(error: unknown): DeliveryFailure {
  if (error instanceof StorageError) return DeliveryFailure.STORAGE_UNREADABLE;
  if (error instanceof DriverException || sqlStateOf(error) !== undefined) return DeliveryFailure.DATABASE_ERROR;
  return DeliveryFailure.INTERNAL_ERROR;
}

/** What may be logged about an error: its class and, for a database error, its SQLSTATE, never its message. */
export function errorKind(error: unknown): { failure: DeliveryFailure; error: string; sqlState?: string } {
  const name = error instanceof Error ? error.constructor.name : typeof error;
  const sqlState = error instanceof DriverException && error.sqlState ? error.sqlState : sqlStateOf(error);
  return { failure: classifyFailure(error), error: name, ...(sqlState ? { sqlState } : {}) };
}

/** The text shown for a stored failure code; a value that is not a code (left by an older version) reads as INTERNAL_ERROR. */
export function failureMessage(code: string | null | undefined, language: Language): string | null {
  if (code === null || code === undefined) return null;
  const known = Object.prototype.hasOwnProperty.call(FAILURE_MESSAGES, code) ? (code as DeliveryFailure) : DeliveryFailure.INTERNAL_ERROR;
  return FAILURE_MESSAGES[known][language];
}

/** A stored value as a code: anything else (an older version's exception text) is INTERNAL_ERROR. */
export function failureCode(value: string | null | undefined): DeliveryFailure | null {
  if (value === null || value === undefined) return null;
  return Object.prototype.hasOwnProperty.call(FAILURE_MESSAGES, value) ? (value as DeliveryFailure) : DeliveryFailure.INTERNAL_ERROR;
}

/**
 * Thrown to the job queue for a retry in place of the original error, so neither graphile-worker's
 * log nor its jobs table (`last_error`) ever holds the original's text.
 */
export class DeliveryProcessingFailure extends Error {
  constructor(readonly failure: DeliveryFailure) {
    super(`delivery processing failed: ${failure}`);
    this.name = 'DeliveryProcessingFailure';
  }
}
