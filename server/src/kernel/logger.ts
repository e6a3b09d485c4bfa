import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stdout. Never log request bodies, variables or database rows: they may
 * carry identifying values (BSN, names); log ids, codes and counts instead.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'datahub' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
  };
  return destination ? pino(options, destination) : pino(options);
}
