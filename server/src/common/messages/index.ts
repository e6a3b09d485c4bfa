import { GraphQLError } from 'graphql';
import type { Catalogue } from './catalogue';
import { en } from './en';
import { nl } from './nl';

export type { Catalogue } from './catalogue';
export type Language = 'nl' | 'en';

const CATALOGUES: Record<Language, Catalogue> = { nl, en };

export type MessageParams = Record<string, string | number>;

/** The catalogue of a language: every text the server shows or mails, as `{name}` templates. */
export function messages(language: Language): Catalogue {
  return CATALOGUES[language];
}

/** A user's stored language as a catalogue language (anything unknown reads Dutch). */
export function languageOf(value: string | null | undefined): Language {
  return value === 'en' ? 'en' : 'nl';
}

/** Replaces each `{name}` of a message template from the parameters (an unknown name stays as it is). */
export function fillIn(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type ErrorKey = keyof Catalogue['error'];

/** The text of a GraphQL error (not logged in, no access, bad token). */
export function message(language: Language, key: ErrorKey): string {
  return messages(language).error[key];
}

/**
 * A GraphQL error for the caller rather than the input: not logged in, or no role for the
 * operation. Everything the input can cause is a refusal (kernel/refusal.ts), not an error.
 */
export function userError(code: 'UNAUTHENTICATED' | 'FORBIDDEN', language: Language, key: ErrorKey = code): GraphQLError {
  return new GraphQLError(message(language, key), { extensions: { code, reason: key } });
}
