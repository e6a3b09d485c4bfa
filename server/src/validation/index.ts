/**
 * The validation engine's public surface, safe for the browser (no Node built-ins): the console
 * imports from here. Node-only pieces live in node-files.ts and cli-validate.ts.
 */
export * from './dictionary-types';
export { compileDictionary, type CompiledDictionary } from './compile-dictionary';
export { validateDelivery, DEFAULT_MAX_RECORD_SIZE, type ByteSource, type ValidationOptions, type ValidationResult } from './engine';
export type { Finding, FindingListener, OutcomeStatus, ParamValue, ValidationTotals } from './findings';
export { renderFindingMessage } from './messages';
export { checkDeliveryFileName, parseDeliveryFileName, fileNameForMessage } from './file-name';
export type { DeliveryFileName, FileNameCheck, FileNameContext, FileNameParse, FileNameProblem } from './file-name';
export type { PeriodOption } from './record-rules';
export { textDecoderUtf8Validator, type Utf8Validator } from './utf8-guard';
