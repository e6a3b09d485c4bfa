/**
 * The engine's Node-only surface (`@datahub/validation/node`): files as byte sources, Node's native
 * UTF-8 check and the text report of `pnpm cli validate`. The main entry (index.ts) stays free of
 * Node built-ins so that the console can bundle it.
 */
export { fileRanges, fileSource, nodeUtf8Validator, spanRanges, type SpanReader } from './node-files';
export { ReportWriter, type ReportFormat } from './report-output';
