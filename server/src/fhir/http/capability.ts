/**
 * What the endpoint declares about itself (FHIR R4, 4.0.1): the CapabilityStatement at `metadata`
 * and the OperationDefinition of `$deliver`. Both are built from the public address only, so they
 * name no institution, registry or person.
 */

export const FHIR_VERSION = '4.0.1';
export const FHIR_BASE_PATH = '/fhir/r4';

/** The body formats `$deliver` takes (and `_format` values the statement lists). */
export const DELIVER_FORMATS = ['application/fhir+json', 'application/fhir+ndjson'] as const;

export function operationDefinitionUrl(publicUrl: string): string {
  return `${publicUrl}${FHIR_BASE_PATH}/OperationDefinition/deliver`;
}

export function capabilityStatement(publicUrl: string, softwareVersion: string, date: string) {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'Registry Data Hub',
    kind: 'instance',
    software: { name: 'Registry Data Hub', version: softwareVersion },
    implementation: { description: 'Deliveries for quality registries, as FHIR R4 resources', url: `${publicUrl}${FHIR_BASE_PATH}` },
    fhirVersion: FHIR_VERSION,
    format: [...DELIVER_FORMATS],
    rest: [
      {
        mode: 'server',
        documentation:
          'POST $deliver takes one sub-delivery (institution, unit, registry, dictionary version, period, test) as a Bundle of type collection or as NDJSON (FHIR Bulk Data: one resource a line). It answers 202 Accepted with Content-Location pointing at $deliver-status/<delivery id>, which answers 202 while the delivery is processed and then 200 with its outcome as an OperationOutcome.',
        security: {
          cors: false,
          description: "A submitter's API token of the hub, sent as `Authorization: Bearer <token>`; cookies are not read.",
        },
        operation: [{ name: 'deliver', definition: operationDefinitionUrl(publicUrl) }],
      },
    ],
  };
}

type ParameterType = 'string' | 'integer' | 'boolean' | 'code' | 'Bundle' | 'OperationOutcome';

function parameter(name: string, use: 'in' | 'out', min: number, type: ParameterType, documentation: string) {
  return { name, use, min, max: '1', type, documentation };
}

export function deliverOperationDefinition(publicUrl: string) {
  return {
    resourceType: 'OperationDefinition',
    id: 'deliver',
    url: operationDefinitionUrl(publicUrl),
    name: 'Deliver',
    title: 'Deliver a sub-delivery for a quality registry',
    status: 'active',
    kind: 'operation',
    code: 'deliver',
    affectsState: true,
    system: true,
    type: false,
    instance: false,
    description:
      "The data goes in the request body: a Bundle of type collection (application/fhir+json) or NDJSON, one resource a line (application/fhir+ndjson or application/x-ndjson), streamed. Only the elements the dictionary's FHIR mapping reads are kept; the rest is discarded before anything is stored, and the outcome names the discarded element paths without their values. The other parameters go in the query string. The answer is asynchronous: 202 Accepted with Content-Location <base>/$deliver-status/<delivery id>.",
    parameter: [
      parameter('institution', 'in', 1, 'string', 'The institution code (AGB code, 8 digits) the data comes from.'),
      parameter('unit', 'in', 1, 'integer', 'The unit number (instellingsonderdeel) within the institution; 0 for the institution as a whole.'),
      parameter('registry', 'in', 1, 'code', 'The registry code, e.g. PMICD.'),
      parameter('version', 'in', 1, 'string', "The data dictionary's version the data follows, e.g. 2018.0.5; it names the sub-delivery."),
      parameter('period', 'in', 1, 'string', 'The period as on an upload: 2026M03, 2026K1, 2026H1, 2026 or TOTAAL.'),
      parameter('test', 'in', 0, 'boolean', 'true for a test delivery: checked and reported, never ingested (default false).'),
      parameter('resource', 'in', 1, 'Bundle', 'The data: the request body (a Bundle of type collection, or NDJSON of the same resources).'),
      parameter('return', 'out', 1, 'OperationOutcome', 'At once: why the submission is refused. After 202: the delivery outcome at $deliver-status.'),
    ],
  };
}
