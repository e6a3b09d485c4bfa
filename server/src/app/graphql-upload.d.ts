// graphql-upload 17 is ESM-only and its own types do not resolve under strict nodenext settings;
// these are the parts we use (https://github.com/jaydenseric/graphql-upload).
declare module 'graphql-upload/graphqlUploadExpress.mjs' {
  import type { RequestHandler } from 'express';
  export default function graphqlUploadExpress(options?: {
    maxFieldSize?: number;
    maxFileSize?: number;
    maxFiles?: number;
  }): RequestHandler;
}
