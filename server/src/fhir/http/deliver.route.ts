import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { AuditEventType } from '../../audit/audit-event.entity';
import { recordAudit } from '../../audit/audit.service';
import { Period } from '../../common/period';
import { storeChannelDelivery } from '../../deliveries/channel-delivery';
import type { Delivery } from '../../deliveries/delivery.entity';
import type { Actor } from '../../kernel/actor';
import type { RequestContext } from '../../kernel/context';
import { createRequestLoaders } from '../../kernel/loaders';
import { isRefusal } from '../../kernel/refusal';
import type { AppServices } from '../../kernel/services';
import { FileTooLargeError, UploadAbortedError } from '../../kernel/upload';
import { Channel } from '../../registries/channel';
import { convertFhir, type ConversionResult, FhirStructureError, hasFhirMapping } from '../conversion';
import { tokenActor } from './fhir-auth';
import { fhirMessage } from './fhir-messages';
import { FhirSubmission } from './fhir-submission.entity';
import { LocatorWriter } from './locators';
import { errorOutcome, operationOutcome, type OutcomeIssue, refusalOutcome, sendFhir } from './operation-outcome';
import { bodyFormat, ByteLimit, lazyStream, limitedBody } from './request-body';
import { FHIR_BASE_PATH } from './capability';

const ACTION = 'fhirDeliver';
/** After answering a request whose body was not read to the end, its rest is discarded this long before the connection is closed. */
const LINGER_MS = 500;

/** The query parameters of `$deliver`, checked; or the first that is wrong, with what it must be. */
interface DeliverParameters {
  institution: string;
  unit: number;
  registry: string;
  version: string;
  period: Period;
  test: boolean;
}

type ParameterProblem = { name: string; expected: string };

function single(request: Request, name: string): string | null {
  const value = request.query[name];
  return typeof value === 'string' ? value : null;
}

function deliverParameters(request: Request): DeliverParameters | ParameterProblem {
  const institution = single(request, 'institution');
  if (!institution || !/^\d{8}$/.test(institution)) return { name: 'institution', expected: '8 digits (AGB)' };
  const unit = single(request, 'unit');
  if (unit === null || !/^\d{1,4}$/.test(unit)) return { name: 'unit', expected: 'a whole number' };
  const registry = single(request, 'registry');
  if (!registry || !/^[A-Z][A-Z0-9]{1,19}$/.test(registry)) return { name: 'registry', expected: 'a registry code, e.g. PMICD' };
  const version = single(request, 'version');
  if (!version || !/^[0-9]+(\.[0-9]+){0,3}$/.test(version)) return { name: 'version', expected: 'a dictionary version, e.g. 2018.0.5' };
  const period = Period.tryParse(single(request, 'period') ?? '');
  if (!period) return { name: 'period', expected: '2026M03, 2026K1, 2026H1, 2026 or TOTAAL' };
  const test = single(request, 'test') ?? 'false';
  if (test !== 'true' && test !== 'false') return { name: 'test', expected: 'true or false' };
  return { institution, unit: Number(unit), registry, version, period, test: test === 'true' };
}

/** Drops the unread rest of a refused request's body after the answer, then closes the connection. */
function closeUnread(request: Request, response: Response): void {
  response.once('finish', () => {
    if (request.complete) return;
    request.resume();
    const close = setTimeout(() => request.socket.destroy(), LINGER_MS);
    request.once('end', () => clearTimeout(close));
  });
}

function structureOutcome(error: FhirStructureError): { status: number; issues: OutcomeIssue[] } {
  const issues: OutcomeIssue[] = error.issues.map((issue) => ({
    severity: issue.severity,
    code: issue.code,
    diagnostics: issue.diagnostics,
    ...(issue.expression ? { expression: [issue.expression] } : {}),
  }));
  // The request itself was fine (its parameters are checked apart, 400): its content is not acceptable.
  // A Bundle too large to convert in memory is 413 (its issue says to send NDJSON).
  const status = error.issues.some((issue) => issue.code === 'too-costly') ? 413 : 422;
  return { status, issues };
}

/** The conversion of one request: started lazily, when the store first reads the CSV. */
interface Conversion {
  done: Promise<ConversionResult>;
  locators: LocatorWriter;
}

/**
 * POST /fhir/r4/$deliver: one sub-delivery as a Bundle (type collection) or NDJSON, streamed from
 * the request through the conversion (which keeps only the elements the dictionary's mapping reads)
 * into the encrypted store as the dictionary's CSV, then processed by the worker like an upload.
 * Same target checks, channel rule and audit as uploadDelivery, with FHIR as the channel.
 */
export function deliverRoute(services: AppServices) {
  return async (request: Request, response: Response): Promise<void> => {
    // Whatever the answer, a body left unread (a refusal before or while reading) is dropped after it.
    closeUnread(request, response);
    const actor = await tokenActor(services, request, response);
    if (!actor) return;
    const language = actor.language;
    const refuse = (status: number, code: string, text: string) => sendFhir(response, status, errorOutcome(code, text));
    const format = bodyFormat(request.get('content-type'));
    if (!format) return refuse(415, 'not-supported', fhirMessage(language, 'mediaType', { type: request.get('content-type') ?? '-' }));
    const parameters = deliverParameters(request);
    if ('expected' in parameters) return refuse(400, 'required', fhirMessage(language, 'parameter', parameters));
    const max = services.config.uploadMaxBytes;
    if (Number(request.get('content-length') ?? 0) > max) return refuse(413, 'too-long', fhirMessage(language, 'tooLarge', { max }));
    const em = services.orm.em.fork();
    const catalogue = await services.dictionaries.current({ em, request });
    const entry = catalogue.find(parameters.registry, undefined, parameters.version);
    // An unknown version is left to the target check (UNKNOWN_VERSION, after the same checks as an upload).
    if (entry && !hasFhirMapping(entry.dictionary)) {
      return refuse(422, 'not-supported', fhirMessage(language, 'noMapping', { registry: parameters.registry, version: parameters.version }));
    }
    const ctx: RequestContext = { em, loaders: createRequestLoaders(), actor, services, request, response };
    const limit = new ByteLimit(max);
    let conversion: Conversion | null = null;
    const source = lazyStream(() => {
      if (!entry) throw new Error('no dictionary to convert with');
      const locators = new LocatorWriter(services.fileStore);
      const converted = convertFhir(limitedBody(request, limit), format, entry.dictionary, { onRecord: (n, locator) => locators.add(n, locator) });
      converted.done.then(
        () => locators.end(),
        (error: Error) => locators.abort(error),
      );
      conversion = { done: converted.done, locators };
      return converted.csv;
    });
    // The hub's own name for the CSV it stores (metadata only; `.csv` is what the engine reads).
    const fileName = `fhir-${format}_${parameters.institution}_${parameters.unit}_${parameters.registry}_${parameters.version}_${parameters.period.code}.csv`;
    let result: Delivery | ReturnType<typeof refusalOutcome> | null = null;
    let failure: unknown = null;
    try {
      const stored = await storeChannelDelivery(
        ctx,
        {
          institutionCode: parameters.institution,
          unit: parameters.unit,
          registry: parameters.registry,
          version: parameters.version,
          test: parameters.test,
          period: parameters.period,
          action: ACTION,
        },
        Channel.FHIR,
        source,
        fileName,
        // The submission row commits with the delivery and its job, or nothing does: a processed
        // delivery whose outcome lacks its resource paths and discarded elements cannot exist.
        async (tx, delivery) => {
          const started = conversion as Conversion | null;
          // The store has read the CSV to its end: the conversion is done, its locators written.
          const summary = started ? await started.done : { records: 0, discardedPaths: [] };
          const locatorFile = started ? await started.locators.stored.catch(() => null) : null;
          await tx.insert(FhirSubmission, {
            delivery: delivery.id,
            format,
            records: summary.records,
            discardedPaths: [...summary.discardedPaths].sort(),
            locatorKey: locatorFile?.key ?? null,
            createdAt: services.clock.now(),
          });
        },
      );
      result = isRefusal(stored) ? refusalOutcome(stored) : stored;
    } catch (error) {
      failure = error;
    }
    const started = conversion as Conversion | null;
    if (failure !== null) {
      // Stop the conversion where it stands (its result, if it ended, is kept by `done`).
      source.destroy();
      limit.destroy();
    }
    if (failure !== null || !result || !('id' in result)) {
      const converted = started ? await settle(started.done) : null;
      if (started) await removeLocators(services, started.locators);
      if (result && 'outcome' in result) return sendFhir(response, result.status, result.outcome);
      const structure = converted && 'error' in converted && converted.error instanceof FhirStructureError ? converted.error : null;
      if (structure || failure instanceof FhirStructureError) {
        const outcome = structureOutcome(structure ?? (failure as FhirStructureError));
        await auditRefused(services, actor, 'FHIR_STRUCTURE');
        return sendFhir(response, outcome.status, operationOutcome(outcome.issues));
      }
      if (limit.exceeded || failure instanceof FileTooLargeError) return refuse(413, 'too-long', fhirMessage(language, 'tooLarge', { max }));
      if (failure instanceof UploadAbortedError || !request.complete) return refuse(400, 'incomplete', fhirMessage(language, 'aborted'));
      // A bug or a storage failure: logged by kind only (a message could quote the data), answered with a reference.
      const reference = randomUUID();
      services.logger.error({ reference, kind: failure instanceof Error ? failure.name : typeof failure }, 'FHIR delivery failed');
      return sendFhir(response, 500, errorOutcome('exception', fhirMessage(language, 'failed', { id: reference })));
    }
    const delivery = result;
    const statusUrl = `${services.config.publicUrl}${FHIR_BASE_PATH}/$deliver-status/${delivery.id}`;
    response.setHeader('Content-Location', statusUrl);
    sendFhir(
      response,
      202,
      operationOutcome([{ severity: 'information', code: 'informational', diagnostics: fhirMessage(language, 'received'), details: { text: delivery.id } }]),
    );
  };
}

async function settle<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

async function removeLocators(services: AppServices, locators: LocatorWriter): Promise<void> {
  const stored = await locators.stored.catch(() => null);
  if (stored) await services.fileStore.remove(stored.key).catch(() => undefined);
}

async function auditRefused(services: AppServices, actor: Actor, detail: string): Promise<void> {
  await recordAudit(services.orm.em.fork(), actor, { event: AuditEventType.REFUSAL, action: ACTION, objectType: 'Delivery', detail });
}
