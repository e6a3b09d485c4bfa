import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../kernel/config';
import { randomToken } from './secrets';

/**
 * DATAHUB_SECRET when set (required in production); in development one is made on first start and
 * kept in the data folder (mode 0600), so sessions' device cookies survive restarts.
 */
export async function loadServerSecret(config: Config): Promise<string> {
  if (config.secret) return config.secret;
  const file = path.join(config.dataDir, 'server-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomToken(48);
  await writeFile(file, secret + '\n', { mode: 0o600 });
  return secret;
}
