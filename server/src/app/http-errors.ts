import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler } from 'express';
import { HttpRefusal } from '../kernel/errors';
import type { Logger } from '../kernel/logger';

/**
 * express.json's errors (http-errors with a `type`) as refusals. Their messages can quote the body
 * (JSON.parse's do), and bodies can hold identifying values: only the type is used.
 */
function refusalOf(error: unknown, jsonLimit: string): HttpRefusal | null {
  if (error instanceof HttpRefusal) return error;
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  switch (type) {
    case 'entity.parse.failed':
      return new HttpRefusal(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new HttpRefusal(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${jsonLimit}.`);
    case 'encoding.unsupported':
      return new HttpRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', "The request body's Content-Encoding is not supported.");
    case 'charset.unsupported':
      return new HttpRefusal(415, 'UNSUPPORTED_MEDIA_TYPE', "The request body's charset is not supported: send UTF-8.");
    case 'request.aborted':
    case 'request.size.invalid':
      return new HttpRefusal(400, 'BAD_REQUEST', 'The request body ended before its Content-Length.');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) return new HttpRefusal(status, 'BAD_REQUEST', 'The request was refused.');
  return null;
}

/**
 * The app's last middleware: every error a route or middleware passes on is answered as JSON in
 * the shape of a GraphQL error (`{ errors: [{ message, extensions: { code } }] }`) and logged as
 * one JSON line with its kind, never the body or the error's own text. Without it Express answers
 * an HTML page (with the stack trace in development) and writes the stack to stderr.
 */
export function httpErrorHandler(logger: Logger, options: { jsonLimit: string }): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    const refusal = refusalOf(error, options.jsonLimit);
    let answer: { status: number; message: string; extensions: Record<string, string> };
    if (refusal) {
      logger.info({ status: refusal.status, code: refusal.code, method: request.method, path: request.path }, 'HTTP request refused before GraphQL');
      answer = { status: refusal.status, message: refusal.message, extensions: { code: refusal.code } };
    } else {
      const correlationId = randomUUID();
      logger.error(
        { correlationId, errorName: (error as { name?: unknown } | null)?.name, method: request.method, path: request.path },
        'unexpected error while handling an HTTP request',
      );
      answer = {
        status: 500,
        message: `An unexpected error occurred. Quote reference ${correlationId} when you report it.`,
        extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId },
      };
    }
    if (response.headersSent) {
      request.socket.destroy();
      return;
    }
    response.status(answer.status).json({ errors: [{ message: answer.message, extensions: answer.extensions }] });
  };
}
