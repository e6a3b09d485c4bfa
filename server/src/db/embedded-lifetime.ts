import { execFile, spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../kernel/logger';
import { StartupError } from '../kernel/startup-error';

/**
 * The embedded PostgreSQL runs as a child of the datahub process that started it. A datahub killed
 * with -9 (or crashing without its exit handlers) leaves it running, holding the data folder: this
 * module stops such an orphan at the next start, and arranges that it does not outlive its datahub
 * in the first place.
 */

/** In the data folder: the pid of the process whose embedded PostgreSQL is running. */
const OWNER_FILE = 'postgres.owner';
/** The watchdog's name in `ps` (its `$0`). */
export const WATCHDOG_NAME = 'datahub-postgres-watchdog';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user (the `postgres` user a root datahub runs it as).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The postmaster's pid from `postmaster.pid` (its first line), or null when there is none. */
export async function postmasterPid(databaseDir: string): Promise<number | null> {
  const text = await readFile(path.join(databaseDir, 'postmaster.pid'), 'utf8').catch(() => null);
  const pid = Number(text?.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** A process's command line, from /proc or `ps`; null where neither can tell. */
async function commandLine(pid: number): Promise<string | null> {
  const proc = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  if (proc !== null) return proc.replace(/\0/g, ' ');
  return promisify(execFile)('ps', ['-o', 'args=', '-p', String(pid)]).then(
    ({ stdout }) => stdout.trim() || null,
    () => null,
  );
}

async function exited(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/**
 * Before starting: when `postmaster.pid` names a live PostgreSQL on this folder, it is either
 * another running datahub's (its pid is in the owner file and alive: refused) or an orphan of a
 * datahub that is gone, which gets a fast shutdown (open transactions roll back, so the job of a
 * delivery it was processing is taken up again) and is then started anew by the caller.
 */
export async function stopOrphanedCluster(dataDir: string, databaseDir: string, logger: Logger): Promise<void> {
  const pid = await postmasterPid(databaseDir);
  if (pid === null || !alive(pid)) return;
  const command = await commandLine(pid);
  // A pid reused by another program after a reboot is not ours to stop; PostgreSQL reports it.
  if (command !== null && !(command.includes('postgres') && command.includes(databaseDir))) return;
  const owner = Number((await readFile(path.join(dataDir, OWNER_FILE), 'utf8').catch(() => '')).trim());
  if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
    throw new StartupError(
      `The embedded PostgreSQL in ${databaseDir} belongs to datahub process ${owner}, which is still running; stop it first (one process per data folder).`,
    );
  }
  logger.warn({ pid, databaseDir }, 'stopping the embedded PostgreSQL that a killed datahub left running');
  process.kill(pid, 'SIGINT');
  if (await exited(pid, 60000)) return;
  // Immediate shutdown: PostgreSQL recovers from its log at the next start.
  process.kill(pid, 'SIGQUIT');
  if (!(await exited(pid, 15000)))
    throw new StartupError(`The embedded PostgreSQL (pid ${pid}) that a killed datahub left in ${databaseDir} does not stop; stop it by hand.`);
}

export interface ClusterGuard {
  /** Before stopping the cluster on purpose. */
  release(): Promise<void>;
}

/**
 * After starting: records this process as the cluster's owner and starts a watchdog, a shell that
 * reads this process's end of a pipe. When this process dies in any way, the pipe closes, `read`
 * returns, and the shell sends the postmaster a fast-shutdown signal, if `postmaster.pid` still names
 * it (a cluster stopped cleanly has removed that file). Detached, so a signal to this process's
 * group does not take the watchdog without the database.
 */
export async function guardCluster(dataDir: string, databaseDir: string): Promise<ClusterGuard> {
  const pid = await postmasterPid(databaseDir);
  await writeFile(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);
  const script = 'read _; [ "$(head -n 1 "$1/postmaster.pid" 2>/dev/null)" = "$2" ] && kill -INT "$2"';
  const watchdog =
    pid === null ? null : spawn('/bin/sh', ['-c', script, WATCHDOG_NAME, databaseDir, String(pid)], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  watchdog?.on('error', () => undefined);
  watchdog?.stdin?.on('error', () => undefined);
  watchdog?.unref();
  (watchdog?.stdin as Socket | null | undefined)?.unref();
  return {
    async release() {
      watchdog?.kill('SIGKILL');
      await rm(path.join(dataDir, OWNER_FILE), { force: true });
    },
  };
}
