import { FhirSubmission } from './fhir-submission.entity';

/** The FHIR R4 endpoint (/fhir/r4): the app wires this module through these exports only. */
export const fhirHttpEntities = [FhirSubmission] as const;

export { fhirRouter } from './fhir.router';
