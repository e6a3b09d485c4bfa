import path from 'node:path';

/** Everything the server reads from its environment, validated once at start. */
export interface Config {
  production: boolean;
  port: number;
  host: string;
  /** A PostgreSQL URL, or null to run the embedded database under `dataDir`. Migrations run through it. */
  databaseUrl: string | null;
  /** The role requests and jobs run as; null: the datahub makes one through `databaseUrl` (db/application-role.ts). */
  databaseAppUrl: string | null;
  dataDir: string;
  demoData: boolean;
  logLevel: string;
  /** Largest accepted upload in bytes (app/multipart.ts stops reading a file at it). */
  uploadMaxBytes: number;
  /** Largest accepted signed agreement (PDF) in bytes; reading stops at it (agreements/agreement-document.service.ts). */
  agreementMaxBytes: number;
  consoleDir: string;
  /** The data dictionaries (`dictionaries/` of the repository by default). */
  dictionariesDir: string;
  /** Secret the session device cookie and sealed TOTP secrets are keyed on; null: generated under dataDir. */
  secret: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  /** Base URL used in mailed links, e.g. https://datahub.example.nl. */
  publicUrl: string;
  /** Express `trust proxy`: set when a TLS-terminating proxy sets X-Forwarded-Proto. */
  trustProxy: boolean;
  /** AES-256-GCM key for stored files (64 hex digits or base64); null: generated under dataDir. */
  storageKey: string | null;
  /** HMAC key for pseudonyms of identifying fields; null: generated under dataDir. */
  pseudonymKey: string | null;
  /** Run the delivery worker inside the server process (`pnpm worker` runs it on its own). */
  inProcessWorker: boolean;
  workerConcurrency: number;
  /**
   * Lets a processor register `http://127.0.0.1:<port>` as its notice endpoint (tests and local
   * development only; refused with NODE_ENV=production). Every other non-https or non-public URL stays refused.
   */
  noticesAllowLocalHttp: boolean;
  /** Where users find help and whom they call or mail; shown in the console's header (service-desk/). Each null when unset. */
  serviceDesk: { helpUrl: string | null; email: string | null; phone: string | null };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const projectRoot = path.resolve(__dirname, '../../..');

function integer(name: string, raw: string, min: number, max: number, problems: string[]): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, but is "${raw}".`);
  }
  return value;
}

function databaseUrl(name: string, raw: string | undefined, problems: string[]): string | null {
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`${name} is not a valid URL; expected postgres://user:password@host:port/database.`);
    return null;
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    problems.push(`${name} must start with postgres:// or postgresql://, not ${url.protocol}//.`);
  } else if (!url.hostname || url.pathname.length <= 1) {
    problems.push(`${name} must name a host and a database, e.g. postgres://postgres@127.0.0.1:5432/datahub.`);
  }
  return raw;
}

/** An optional setting checked by `valid`; an empty value counts as unset. */
function optional(name: string, raw: string | undefined, valid: RegExp, expected: string, problems: string[]): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const value = raw.trim();
  if (!valid.test(value)) problems.push(`${name} must be ${expected}, but is "${value}".`);
  return value;
}

/** Reads and validates the environment; every bad value is named in the thrown ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, but is "${logLevel}".`);
  const demo = env.DATAHUB_DEMO ?? (nodeEnv === 'production' ? '0' : '1');
  if (demo !== '0' && demo !== '1') problems.push(`DATAHUB_DEMO must be 0 or 1, but is "${demo}".`);
  const config: Config = {
    production: nodeEnv === 'production',
    port: integer('PORT', env.PORT ?? '4000', 0, 65535, problems),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: databaseUrl('DATABASE_URL', env.DATABASE_URL, problems),
    databaseAppUrl: databaseUrl('DATABASE_APP_URL', env.DATABASE_APP_URL, problems),
    dataDir: path.resolve(env.DATAHUB_DATA_DIR ?? path.join(projectRoot, '.data')),
    demoData: demo === '1',
    logLevel,
    uploadMaxBytes: integer('DATAHUB_UPLOAD_MAX_BYTES', env.DATAHUB_UPLOAD_MAX_BYTES ?? String(500 * 1024 * 1024), 1, 2 ** 40, problems),
    agreementMaxBytes: integer('DATAHUB_AGREEMENT_MAX_BYTES', env.DATAHUB_AGREEMENT_MAX_BYTES ?? String(10 * 1024 * 1024), 1, 2 ** 31, problems),
    consoleDir: path.resolve(env.DATAHUB_CONSOLE_DIR ?? path.join(projectRoot, 'console', 'dist')),
    dictionariesDir: path.resolve(env.DATAHUB_DICTIONARIES_DIR ?? path.join(projectRoot, 'dictionaries')),
    secret: env.DATAHUB_SECRET || null,
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'Registratie Datahub <noreply@datahub.localhost>',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT ?? '4000'}`).replace(/\/+$/, ''),
    trustProxy: env.TRUST_PROXY === '1',
    storageKey: env.DATAHUB_STORAGE_KEY || null,
    pseudonymKey: env.DATAHUB_PSEUDONYM_KEY || null,
    inProcessWorker: (env.DATAHUB_WORKER ?? '1') === '1',
    workerConcurrency: integer('DATAHUB_WORKER_CONCURRENCY', env.DATAHUB_WORKER_CONCURRENCY ?? '2', 1, 32, problems),
    noticesAllowLocalHttp: env.DATAHUB_NOTICES_ALLOW_LOCAL_HTTP === '1',
    serviceDesk: {
      helpUrl: optional('DATAHUB_HELP_URL', env.DATAHUB_HELP_URL, /^https?:\/\/[^\s/]+[^\s]*$/, 'an http(s) URL', problems),
      email: optional('DATAHUB_SERVICE_DESK_EMAIL', env.DATAHUB_SERVICE_DESK_EMAIL, /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/, 'an e-mail address', problems),
      phone: optional(
        'DATAHUB_SERVICE_DESK_PHONE',
        env.DATAHUB_SERVICE_DESK_PHONE,
        /^\+?[0-9][0-9 ()-]{5,24}$/,
        'a phone number (digits, spaces, + ( ) -)',
        problems,
      ),
    },
  };
  if (config.databaseAppUrl !== null && config.databaseUrl === null)
    problems.push('DATABASE_APP_URL needs DATABASE_URL (the owner that runs the migrations); the embedded database makes its application role itself.');
  if (config.production && config.storageKey === null) problems.push('DATAHUB_STORAGE_KEY is required when NODE_ENV=production.');
  if (config.production && config.pseudonymKey === null) problems.push('DATAHUB_PSEUDONYM_KEY is required when NODE_ENV=production.');
  if (env.DATAHUB_WORKER !== undefined && env.DATAHUB_WORKER !== '0' && env.DATAHUB_WORKER !== '1')
    problems.push(`DATAHUB_WORKER must be 0 or 1, but is "${env.DATAHUB_WORKER}".`);
  const allowLocal = env.DATAHUB_NOTICES_ALLOW_LOCAL_HTTP;
  if (allowLocal !== undefined && allowLocal !== '0' && allowLocal !== '1')
    problems.push(`DATAHUB_NOTICES_ALLOW_LOCAL_HTTP must be 0 or 1, but is "${allowLocal}".`);
  if (config.production && config.noticesAllowLocalHttp)
    problems.push('DATAHUB_NOTICES_ALLOW_LOCAL_HTTP=1 is for tests and local development only: it is refused when NODE_ENV=production.');
  if (config.secret !== null && config.secret.length < 32) problems.push('DATAHUB_SECRET must be at least 32 characters long.');
  if (config.production && config.secret === null) problems.push('DATAHUB_SECRET is required when NODE_ENV=production.');
  if (config.smtpUrl !== null && !/^smtps?:\/\//.test(config.smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://.');
  if (!/^https?:\/\/[^/]+/.test(config.publicUrl)) problems.push(`PUBLIC_URL must be an http(s) URL, but is "${config.publicUrl}".`);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
