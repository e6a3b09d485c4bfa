import type { Readable } from 'node:stream';
import { GraphQLError, GraphQLScalarType } from 'graphql';

/**
 * One uploaded file of a GraphQL multipart request, as it arrives. Its bytes come straight from the
 * request, never from a copy on disk: `createReadStream()` may be called once, and whoever calls it
 * reads (or destroys) them. A resolver that refuses the upload without calling it leaves the rest
 * of the request unread (app/multipart.ts closes the connection after the answer).
 */
export interface FileUpload {
  filename: string;
  /** As the client declared it: not to be trusted. */
  mimetype: string;
  encoding: string;
  createReadStream(): Readable;
}

/** The file passed the size limit (`DATAHUB_UPLOAD_MAX_BYTES`); the stream fails with it as the limit is reached. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`the file is larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

/** The client stopped sending before the file ended; the stream fails with it. */
export class UploadAbortedError extends Error {
  constructor() {
    super('the request ended before the file did');
    this.name = 'UploadAbortedError';
  }
}

/** Where a file named in the multipart `map` will arrive: resolved when its part begins, rejected when it never comes. */
export class Upload {
  readonly promise: Promise<FileUpload>;
  file: FileUpload | null = null;
  private settle!: { resolve: (file: FileUpload) => void; reject: (error: Error) => void };

  constructor() {
    this.promise = new Promise<FileUpload>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // An operation that fails before it awaits the file must not leave an unhandled rejection.
    this.promise.catch(() => undefined);
  }

  resolve(file: FileUpload): void {
    this.file = file;
    this.settle.resolve(file);
  }

  reject(error: Error): void {
    this.settle.reject(error);
  }
}

/**
 * The `Upload` scalar of the GraphQL multipart request spec: its value is the `Upload` the
 * multipart middleware put in the variables, and a resolver receives `Promise<FileUpload>`.
 */
export const GraphQLUpload = new GraphQLScalarType({
  name: 'Upload',
  description: 'The `Upload` scalar type represents a file upload.',
  parseValue(value: unknown) {
    if (value instanceof Upload) return value.promise;
    throw new GraphQLError('An Upload variable must be a file part of a multipart request (graphql-multipart-request-spec).');
  },
  parseLiteral() {
    throw new GraphQLError('An Upload cannot be written in the query: send the file as a multipart request.');
  },
  serialize() {
    throw new GraphQLError('An Upload is never returned.');
  },
});
