export {
  convertFhir,
  fieldExpression,
  hasFhirMapping,
  type ConversionOptions,
  type ConversionResult,
  type FhirDictionary,
  type RecordLocator,
} from './convert';
export { type FhirIssue, FhirStructureError } from './issues';
export { compileMapping } from './compiled-mapping';
