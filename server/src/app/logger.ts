import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stdout. Never log request bodies, variables or database rows: they may
 * carry identifying values (BSN, names); log ids, codes and counts instead.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'datahub' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
  });
}
