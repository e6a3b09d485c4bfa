import pg from 'pg';
import { StartupError } from '../kernel/startup-error';

const CONNECT_TIMEOUT_MS = 5000;

function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}/${decodeURIComponent(parsed.pathname.slice(1))}`;
}

/**
 * Explains a connection failure in one sentence, naming the server but never the password; `as`
 * names the role when it is not the one of DATABASE_URL.
 */
export function connectionFailure(url: string, error: unknown, as?: string): StartupError {
  const where = describe(url) + (as ? ` as ${as}` : '');
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused (is PostgreSQL running there?)',
    ENOTFOUND: 'the host name is unknown',
    EAI_AGAIN: 'the host name could not be resolved',
    ETIMEDOUT: `it did not answer within ${CONNECT_TIMEOUT_MS / 1000} seconds`,
    '28P01': 'the password was refused',
    '28000': 'the user is not allowed to connect',
    '3D000': 'that database does not exist',
  };
  const timedOut = typeof message === 'string' && /timeout/i.test(message);
  const reason = (code && reasons[code]) ?? (timedOut ? reasons.ETIMEDOUT : `it failed (${code ?? 'no code'})`);
  return new StartupError(`Cannot connect to the database at ${where}: ${reason}.`);
}

/** Opens and closes one connection, so that start-up fails early with a clear reason. */
export async function checkDatabaseReachable(url: string, as?: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw connectionFailure(url, error, as);
  } finally {
    await client.end().catch(() => undefined);
  }
}
