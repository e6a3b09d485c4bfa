import { createHmac } from 'node:crypto';

/**
 * Keyed pseudonyms for identifying fields (PMICD's BSN and Naam): HMAC-SHA-256 under
 * DATAHUB_PSEUDONYM_KEY, so the same BSN gives the same pseudonym and records link across
 * deliveries, while the clear value cannot be recovered without the key. Applied before anything
 * is stored; the clear values never reach the database, a log or a report.
 */
export class Pseudonymiser {
  constructor(private readonly key: Buffer) {}

  pseudonym(value: string): string {
    if (value === '') return '';
    return `ps_${createHmac('sha256', this.key).update(value, 'utf8').digest('base64url')}`;
  }
}

declare module '../kernel/services' {
  interface AppServices {
    /** Keyed pseudonyms of identifying fields. */
    pseudonymiser: Pseudonymiser;
  }
}
