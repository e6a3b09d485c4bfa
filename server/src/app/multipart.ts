import busboy from 'busboy';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { HttpRefusal } from '../kernel/errors';
import { FileTooLargeError, type FileUpload, Upload, UploadAbortedError } from '../kernel/upload';

const SPEC = 'https://github.com/jaydenseric/graphql-multipart-request-spec';
/** After answering a request whose body was not read to the end, its remaining bytes are discarded this long before the connection is closed. */
const LINGER_MS = 500;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function badRequest(message: string): HttpRefusal {
  return new HttpRefusal(400, 'BAD_REQUEST', `${message} (${SPEC})`);
}

/** Puts `value` at a dotted `path` ("variables.file") of the operation; every step but the last must exist. */
function place(operations: Record<string, unknown>, path: string, value: Upload): boolean {
  const steps = path.split('.');
  let target: unknown = operations;
  for (const [index, step] of steps.entries()) {
    if (UNSAFE_KEYS.has(step) || typeof target !== 'object' || target === null) return false;
    const container = target as Record<string, unknown>;
    if (index === steps.length - 1) {
      container[step] = value;
      return true;
    }
    if (!Object.hasOwn(container, step)) return false;
    target = container[step];
  }
  return false;
}

/** The map of a one-file request: the file part's name and the paths it fills. */
function readMap(value: string): { name: string; paths: string[] } | HttpRefusal {
  let map: unknown;
  try {
    map = JSON.parse(value);
  } catch {
    return badRequest('The "map" multipart field is not valid JSON.');
  }
  if (typeof map !== 'object' || map === null || Array.isArray(map))
    return badRequest('The "map" multipart field must be an object of file part names to variable paths.');
  const entries = Object.entries(map);
  if (entries.length > 1) return badRequest('A request carries at most one file.');
  const [entry] = entries;
  if (!entry) return { name: '', paths: [] };
  const [name, paths] = entry;
  if (!Array.isArray(paths) || paths.length === 0 || !paths.every((path): path is string => typeof path === 'string')) {
    return badRequest(`The "map" entry "${name}" must be a list of variable paths such as ["variables.file"].`);
  }
  return { name, paths };
}

/**
 * After the answer to a request whose body was not read to its end (a refusal): read no more of
 * it. What is already on its way is discarded for a moment, so the client gets the answer rather
 * than a reset connection (as Go's net/http does), then the connection is closed.
 */
export function closeUnreadRequest(request: Request, response: Response): void {
  response.once('finish', () => {
    if (request.complete) return;
    request.resume();
    const close = setTimeout(() => request.socket.destroy(), LINGER_MS);
    request.once('end', () => clearTimeout(close));
  });
}

/**
 * GraphQL multipart requests (graphql-multipart-request-spec: `operations`, then `map`, then the
 * file), streamed: the operation runs as soon as the map is read, and the file's bytes go from the
 * socket to whoever reads the `FileUpload` (the encrypted store), never to a temporary file. So a
 * resolver refuses an upload (role, institution, registry, size) before the file is read; the
 * unread rest of the request is then dropped and the connection closed. graphql-upload buffers
 * every file in clear in the OS temp folder and reads a refused body to its end, hence this.
 */
export function multipartUploads(options: { maxFileSize: number; maxFieldSize: number }) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!request.is('multipart/form-data')) return next();
    let parser: busboy.Busboy;
    try {
      // fileSize one over the limit: busboy reports a file of exactly `fileSize` bytes as truncated.
      parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        limits: { fieldSize: options.maxFieldSize, fields: 2, files: 1, fileSize: options.maxFileSize + 1 },
      });
    } catch {
      return next(badRequest('The multipart request has no boundary.'));
    }
    let operations: Record<string, unknown> | null = null;
    let expected: { name: string; upload: Upload } | null = null;
    let running = false;
    let answered = false;

    const stopReading = () => {
      request.unpipe(parser);
      request.pause();
    };
    /** Before the operation runs, a refusal is the whole answer; after, the resolver waiting for the file gets it. */
    const refuse = (refusal: HttpRefusal) => {
      if (answered) return;
      stopReading();
      if (!running) {
        running = true;
        next(refusal);
      } else if (expected && !expected.upload.file) {
        expected.upload.reject(new GraphQLError(refusal.message, { extensions: { code: refusal.code, http: { status: refusal.status } } }));
      }
    };

    parser.on('field', (name, value, info) => {
      if (running) return;
      if (info.valueTruncated)
        return refuse(new HttpRefusal(413, 'PAYLOAD_TOO_LARGE', `The "${name}" multipart field is larger than ${options.maxFieldSize} bytes.`));
      if (name === 'operations') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch {
          return refuse(badRequest('The "operations" multipart field is not valid JSON.'));
        }
        if (typeof parsed !== 'object' || parsed === null) return refuse(badRequest('The "operations" multipart field must be a JSON object.'));
        operations = parsed as Record<string, unknown>;
        return;
      }
      if (name !== 'map') return refuse(badRequest(`Unexpected multipart field "${name}": only "operations", then "map", then the file.`));
      if (!operations) return refuse(badRequest('The "map" multipart field must follow "operations".'));
      const map = readMap(value);
      if (map instanceof HttpRefusal) return refuse(map);
      if (map.paths.length > 0) {
        const upload = new Upload();
        const misplaced = map.paths.find((path) => !place(operations!, path, upload));
        if (misplaced !== undefined) return refuse(badRequest(`The "map" path "${misplaced}" does not name a variable of the operation.`));
        expected = { name: map.name, upload };
      }
      request.body = operations;
      running = true;
      next();
    });

    parser.on('file', (name, stream, info) => {
      if (!expected || name !== expected.name || expected.upload.file) {
        stream.resume();
        return refuse(
          badRequest(
            expected
              ? `The file part "${name}" is not the one the "map" names ("${expected.name}").`
              : 'The file must follow "operations" and a "map" naming it.',
          ),
        );
      }
      // Whoever reads the file gets its errors through its own listener; a file nobody read (the
      // operation was refused) fails harmlessly when the parser is destroyed after the answer.
      stream.on('error', () => undefined);
      stream.once('limit', () => {
        stopReading();
        stream.destroy(new FileTooLargeError(options.maxFileSize));
      });
      let taken = false;
      const file: FileUpload = {
        filename: info.filename ?? '',
        mimetype: info.mimeType,
        encoding: info.encoding,
        createReadStream() {
          if (taken) throw new Error('an uploaded file can be read once (it is not kept)');
          taken = true;
          return stream;
        },
      };
      expected.upload.resolve(file);
    });

    parser.on('filesLimit', () => refuse(badRequest('A request carries at most one file.')));
    parser.on('fieldsLimit', () => refuse(badRequest('Only the "operations" and "map" fields are accepted.')));
    parser.on('error', () => refuse(badRequest('The multipart body is malformed or ends early.')));
    parser.on('finish', () => {
      if (!operations) return refuse(badRequest('The "operations" multipart field is missing.'));
      if (!running) return refuse(badRequest('The "map" multipart field is missing.'));
      if (expected && !expected.upload.file) refuse(badRequest(`The file part "${expected.name}" that the "map" names is not in the request.`));
    });

    // A client that goes away mid-file: whoever reads the file gets an error, and nothing is kept.
    request.once('close', () => {
      if (!request.complete) parser.destroy(new UploadAbortedError());
    });
    response.once('finish', () => {
      answered = true;
      if (request.complete) return;
      request.unpipe(parser);
      parser.destroy();
    });
    closeUnreadRequest(request, response);
    request.pipe(parser);
  };
}
