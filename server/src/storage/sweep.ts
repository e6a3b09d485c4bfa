import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../kernel/logger';

const STALE_MS = 24 * 60 * 60 * 1000;

async function sweep(dir: string, matches: (name: string) => boolean, now: number): Promise<number> {
  let removed = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) removed += await sweep(full, matches, now);
    else if (matches(entry.name) && now - (await stat(full)).mtimeMs > STALE_MS) {
      await rm(full, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/**
 * At start: removes upload leftovers a crash may have left (docs/security.md#graphql-upload): partly
 * stored files (`*.part`) and graphql-upload's buffers (`capacitor-*.tmp`) older than a day.
 */
export async function sweepStaleUploads(filesDir: string, logger: Logger): Promise<void> {
  const now = Date.now();
  const removed = (await sweep(filesDir, (name) => name.endsWith('.part'), now)) + (await sweep(tmpdir(), (name) => /^capacitor-[0-9a-f]+\.tmp$/.test(name), now).catch(() => 0));
  if (removed > 0) logger.info({ removed }, 'stale upload files removed');
}
