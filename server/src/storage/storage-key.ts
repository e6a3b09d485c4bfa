import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A 32-byte key from an environment variable (base64 or hex), or in development one made on first
 * start and kept in the data folder (mode 0600). Production requires the variable (checked in config).
 */
export async function loadKey(value: string | null, dataDir: string, fileName: string): Promise<Buffer> {
  if (value) {
    const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
    if (key.length !== 32) throw new Error(`${fileName}: the key must be 32 bytes, as 64 hex digits or base64`);
    return key;
  }
  const file = path.join(dataDir, fileName);
  if (existsSync(file)) return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32);
  await writeFile(file, key.toString('base64') + '\n', { mode: 0o600 });
  return key;
}
