/**
 * The validation engine's public surface, safe for the browser (no Node built-ins): the console
 * imports from here (`@datahub/validation`). Node-only pieces are in node.ts (`@datahub/validation/node`).
 */
export * from './dictionary-types';
export { compileDictionary, type CompiledDictionary } from './compile-dictionary';
export { validateDelivery, DEFAULT_MAX_RECORD_SIZE, type ByteSource, type ValidationOptions, type ValidationResult } from './engine';
export { FindingTally, type Finding, type FindingListener, type OutcomeStatus, type ParamValue, type ValidationTotals } from './findings';
export { renderFindingMessage } from './messages';
export { checkDeliveryFileName, parseDeliveryFileName, fileNameForMessage } from './file-name';
export type { DeliveryFileName, FileNameCheck, FileNameContext, FileNameParse, FileNameProblem } from './file-name';
export type { PeriodOption } from './record-rules';
export { textDecoderUtf8Validator, type Utf8Validator } from './utf8-guard';
export { comparePeriods, periodRank, periodRankSql, TOTAL_PERIOD_RANK } from './period-order';
export { checkRecord, checkRecordWithKey, cellsOf, duplicateKeyFinding, recordKey, type CheckedRecord, type RecordCheckOptions } from './record-check';
