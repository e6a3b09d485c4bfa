import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

const FILE = 'database-app-password';

/**
 * The application role's password, made once and kept in the data folder (mode 0600) that every
 * process of one datahub shares (server, `pnpm worker`, the CLI). Two processes starting at once
 * agree: each writes its candidate to a file of its own and links it into place, which succeeds
 * for one only; the other reads the winner's.
 */
export async function applicationRolePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, FILE);
  const existing = await readFile(file, 'utf8').catch(() => null);
  if (existing?.trim()) return existing.trim();
  await mkdir(dataDir, { recursive: true });
  const candidate = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(candidate, randomBytes(24).toString('base64url') + '\n', { mode: 0o600 });
  try {
    await link(candidate, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
  } finally {
    await unlink(candidate).catch(() => undefined);
  }
  return (await readFile(file, 'utf8')).trim();
}

/**
 * The password as PostgreSQL stores it (SCRAM-SHA-256, RFC 5803), so that `ALTER ROLE … PASSWORD`
 * never carries the password itself into a statement log. The generated passwords are ASCII, which
 * SASLprep leaves as they are.
 */
export function scramVerifier(password: string, iterations = 4096): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
