import { fillIn, type Language, type MessageParams } from '../../common/messages';

/**
 * What the FHIR endpoint says itself, in both languages (Dutch first). Refusals of the target come
 * from the refusal catalogue (common/messages) and findings from the dictionary's templates.
 */
const FHIR_MESSAGES = {
  tokenRequired: {
    nl: 'Deze operatie vraagt een API-token (Authorization: Bearer …); een sessie of cookie telt hier niet.',
    en: 'This operation needs an API token (Authorization: Bearer …); a session or cookie does not count here.',
  },
  invalidToken: {
    nl: 'Het API-token is ongeldig, verlopen of ingetrokken.',
    en: 'The API token is invalid, expired or revoked.',
  },
  mediaType: {
    nl: 'Stuur de gegevens als application/fhir+json (een Bundle van type collection) of als application/fhir+ndjson (één resource per regel); {type} wordt niet aangenomen.',
    en: 'Send the data as application/fhir+json (a Bundle of type collection) or as application/fhir+ndjson (one resource a line); {type} is not accepted.',
  },
  parameter: {
    nl: 'Parameter {name} ontbreekt of is ongeldig: {expected}.',
    en: 'Parameter {name} is missing or not valid: {expected}.',
  },
  noMapping: {
    nl: 'Versie {version} van registratie {registry} heeft geen FHIR-mapping: lever deze versie aan via het webportaal.',
    en: 'Version {version} of registry {registry} has no FHIR mapping: deliver this version through the web portal.',
  },
  tooLarge: {
    nl: 'De aanlevering is groter dan {max} bytes.',
    en: 'The submission is larger than {max} bytes.',
  },
  aborted: {
    nl: 'Het verzoek eindigde voordat de gegevens compleet waren.',
    en: 'The request ended before the data did.',
  },
  notFound: {
    nl: 'Aanlevering niet gevonden.',
    en: 'Delivery not found.',
  },
  unknownOperation: {
    nl: 'Onbekende operatie of resource: dit endpoint kent alleen metadata, OperationDefinition/deliver, $deliver en $deliver-status.',
    en: 'Unknown operation or resource: this endpoint knows only metadata, OperationDefinition/deliver, $deliver and $deliver-status.',
  },
  failed: {
    nl: 'De aanlevering kon door een systeemfout niet worden verwerkt (referentie {id}).',
    en: 'The submission could not be handled because of a system error (reference {id}).',
  },
  outcome: {
    nl: 'Aanlevering {id}: {status}; {records} records, {accepted} geaccepteerd, {rejected} afgewezen, {errors} fouten, {warnings} waarschuwingen.',
    en: 'Delivery {id}: {status}; {records} records, {accepted} accepted, {rejected} rejected, {errors} errors, {warnings} warnings.',
  },
  discarded: {
    nl: 'Niet opgeslagen (niet gevraagd door de registratie): {path}',
    en: 'Not stored (not asked for by the registry): {path}',
  },
  moreFindings: {
    nl: 'Nog {more} meldingen staan niet in dit antwoord; het volledige verslag staat in het portaal en in de export van het verslag.',
    en: '{more} more findings are not in this answer; the whole report is in the portal and in the report export.',
  },
  received: {
    nl: 'Aangeleverd: wacht op verwerking.',
    en: 'Received: waiting to be processed.',
  },
  processing: {
    nl: 'Wordt verwerkt ({percent}%).',
    en: 'Being processed ({percent}%).',
  },
} satisfies Record<string, Record<Language, string>>;

export type FhirMessageKey = keyof typeof FHIR_MESSAGES;

export function fhirMessage(language: Language, key: FhirMessageKey, params: MessageParams = {}): string {
  return fillIn(FHIR_MESSAGES[key][language], params);
}
