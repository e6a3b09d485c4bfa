import { Algorithm, hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import type { Language } from '../common/messages';

export const MIN_PASSWORD_LENGTH = 12;

/** OWASP's argon2id settings (19 MiB, 2 iterations, 1 lane). */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** Words Dutch hospital staff would reach for, beside zxcvbn's list of ~49,000 common passwords. */
const LOCAL_WORDS = ['wachtwoord', 'welkom', 'ziekenhuis', 'datahub', 'registratie', 'zomer', 'winter', 'voorjaar', 'najaar'];

const common = new Set<string>([...(dictionary['passwords-common'] as string[]), ...LOCAL_WORDS]);

export type PasswordProblem = 'TOO_SHORT' | 'TOO_COMMON';

/** Why a new password is refused, or null when it is acceptable (ASVS 6.2: length and a common-password list). */
export function passwordProblem(password: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'TOO_SHORT';
  const lower = password.toLowerCase();
  // "Welkom2026!!" is as weak as "welkom": strip trailing digits and symbols before looking it up.
  const stem = lower.replace(/[^a-z]+$/u, '');
  if (common.has(lower) || common.has(stem) || new Set(lower).size <= 2) return 'TOO_COMMON';
  return null;
}

/** A new password's problem as the refusal of the operation that sets it (field `password`). */
export function passwordRefusal(language: Language, problem: PasswordProblem): Refused {
  return problem === 'TOO_SHORT'
    ? refuse(language, RefusalCode.PASSWORD_TOO_SHORT, { params: { min: MIN_PASSWORD_LENGTH }, field: 'password' })
    : refuse(language, RefusalCode.PASSWORD_TOO_COMMON, { field: 'password' });
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against for unknown accounts, so their timing matches known ones. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing-only');
  return dummyHash;
}
