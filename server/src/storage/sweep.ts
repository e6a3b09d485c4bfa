import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '../kernel/logger';

/** Removes the files under `dir` (into subfolders when `recursive`) whose name matches; returns how many. */
async function removeMatching(
  dir: string,
  matches: (name: string) => boolean,
  recursive: boolean,
  mayRemove: (file: string) => Promise<boolean> = async () => true,
): Promise<number> {
  let removed = 0;
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) removed += await removeMatching(full, matches, recursive, mayRemove);
    } else if (matches(entry.name) && (await mayRemove(full))) {
      await rm(full, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** Ours: made by this user (on a shared host, another program's files in the temp folder are not). */
async function ownedByThisUser(file: string): Promise<boolean> {
  const uid = process.getuid?.();
  return uid === undefined || (await stat(file).catch(() => null))?.uid === uid;
}

/**
 * At start, before the server takes requests, removes whatever an upload cut short by a crash
 * (docs/security.md#graphql-upload)
 * (kill -9, power loss) left: partly stored delivery files (`files/**\/*.part`) and the file
 * check's scratch copies (`spool/`), both encrypted; and the clear-text buffers that graphql-upload
 * (which uploads went through before they were streamed) left in the OS temp folder
 * (`capacitor-*.tmp`). While the server runs, each request removes its own (encrypted-file-store.ts,
 * file-check.service.ts). One server process per data folder: another one's upload in progress
 * would be cut off.
 */
export async function sweepUploadLeftovers(dataDir: string, logger: Logger): Promise<void> {
  const parts = await removeMatching(path.join(dataDir, 'files'), (name) => name.endsWith('.part'), true);
  const spooled = await removeMatching(path.join(dataDir, 'spool'), () => true, true);
  const buffers = await removeMatching(tmpdir(), (name) => /^capacitor-[0-9a-f]+\.tmp$/.test(name), false, ownedByThisUser).catch(() => 0);
  if (parts + spooled + buffers > 0) logger.info({ parts, spooled, buffers }, 'upload leftovers removed');
}
