import type { Knex } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { AuditEventType } from '../../audit/audit-event.entity';
import { recordAudit } from '../../audit/audit.service';
import { messages } from '../../common/messages';
import { failureMessage } from '../../deliveries/delivery-failure';
import { readableDelivery } from '../../deliveries/delivery.query';
import { DeliveryStatus } from '../../deliveries/delivery-status';
import type { Delivery } from '../../deliveries/delivery.entity';
import type { AppServices } from '../../kernel/services';
import { allLines, dictionaryOf } from '../../reports/report.service';
import { tokenActor } from './fhir-auth';
import { fhirMessage } from './fhir-messages';
import { FhirSubmission } from './fhir-submission.entity';
import { findingIssue } from './finding-issues';
import { LocatorReader } from './locators';
import { errorOutcome, operationOutcome, type OutcomeIssue, sendFhir } from './operation-outcome';

/** At most this many findings go into one outcome; a count says how many more there are. */
export const MAX_FINDING_ISSUES = 1000;

function progressPercent(delivery: Delivery): number {
  const size = Number(delivery.size);
  return size > 0 ? Math.min(99, Math.floor((Number(delivery.progressDone) * 100) / size)) : 0;
}

/**
 * GET /fhir/r4/$deliver-status/:id: the FHIR asynchronous request pattern's status. 202 with
 * X-Progress while the delivery waits or is processed; then 200 with its outcome as an
 * OperationOutcome: the status and counts, the discarded element paths, and the first
 * MAX_FINDING_ISSUES report lines as issues. The same token auth as $deliver and the same read
 * scope as the delivery's report (404 for anyone else and an unknown id alike); audited as a read.
 */
export function deliverStatusRoute(services: AppServices) {
  return async (request: Request, response: Response): Promise<void> => {
    const actor = await tokenActor(services, request, response);
    if (!actor) return;
    const language = actor.language;
    const em = services.orm.em.fork();
    const delivery = await readableDelivery({ em, actor, services, request }, String(request.params.id ?? ''));
    if (!delivery) return sendFhir(response, 404, errorOutcome('not-found', fhirMessage(language, 'notFound')));
    if (delivery.status === DeliveryStatus.RECEIVED || delivery.status === DeliveryStatus.PROCESSING) {
      const text =
        delivery.status === DeliveryStatus.RECEIVED
          ? fhirMessage(language, 'received')
          : fhirMessage(language, 'processing', { percent: progressPercent(delivery) });
      response.setHeader('X-Progress', text);
      response.setHeader('Retry-After', '2');
      return sendFhir(response, 202, operationOutcome([{ severity: 'information', code: 'informational', diagnostics: text }]));
    }
    const submission = await em.findOne(FhirSubmission, { delivery: delivery.id });
    const statusText = messages(language).deliveryStatus[delivery.status as keyof ReturnType<typeof messages>['deliveryStatus']] ?? delivery.status;
    const issues: OutcomeIssue[] = [
      {
        severity: delivery.status === DeliveryStatus.FAILED ? 'error' : 'information',
        code: delivery.status === DeliveryStatus.FAILED ? 'exception' : 'informational',
        details: { coding: [{ system: 'https://registry-datahub.example/fhir/CodeSystem/delivery-status', code: delivery.status }], text: statusText },
        diagnostics: fhirMessage(language, 'outcome', {
          id: delivery.id,
          status: statusText,
          records: delivery.recordCount,
          accepted: delivery.acceptedCount,
          rejected: delivery.rejectedCount,
          errors: delivery.errorCount,
          warnings: delivery.warningCount,
        }),
      },
    ];
    const failure = delivery.status === DeliveryStatus.FAILED ? failureMessage(delivery.failureReason, language) : null;
    if (failure) issues.push({ severity: 'error', code: 'exception', diagnostics: failure });
    for (const path of submission?.discardedPaths ?? []) {
      issues.push({ severity: 'information', code: 'informational', diagnostics: fhirMessage(language, 'discarded', { path }), expression: [path] });
    }
    const findings = await findingIssues(services, em, delivery, submission, language);
    issues.push(...findings.issues);
    if (findings.more > 0)
      issues.push({ severity: 'information', code: 'too-costly', diagnostics: fhirMessage(language, 'moreFindings', { more: findings.more }) });
    await recordAudit(em, actor, {
      event: AuditEventType.READ,
      action: 'fhirDeliverStatus',
      objectType: 'Delivery',
      objectId: delivery.id,
      institutionId: delivery.institution.id,
      detail: `${findings.issues.length} findings`,
    });
    sendFhir(response, 200, operationOutcome(issues));
  };
}

/** The first report lines as issues, each with its record's locator (read along in record order), and how many more there are. */
async function findingIssues(
  services: AppServices,
  em: ReturnType<AppServices['orm']['em']['fork']>,
  delivery: Delivery,
  submission: FhirSubmission | null,
  language: 'nl' | 'en',
): Promise<{ issues: OutcomeIssue[]; more: number }> {
  const knex = em.getKnex() as Knex;
  const total = Number(((await knex('report_line').where('delivery_id', delivery.id).count({ count: '*' })) as { count: string }[])[0]?.count ?? 0);
  if (total === 0) return { issues: [], more: 0 };
  const dictionary = (await dictionaryOf({ em, services }, delivery)).dictionary;
  const locators = submission?.locatorKey ? new LocatorReader(services.fileStore.open(submission.locatorKey)) : null;
  const issues: OutcomeIssue[] = [];
  try {
    for await (const batch of allLines(knex, delivery.id, {}, 500)) {
      for (const line of batch) {
        const locator = locators && line.record_number !== null ? await locators.at(line.record_number) : null;
        issues.push(findingIssue(line, dictionary, language, locator));
        if (issues.length >= MAX_FINDING_ISSUES) break;
      }
      if (issues.length >= MAX_FINDING_ISSUES) break;
    }
  } finally {
    await locators?.close();
  }
  return { issues, more: total - issues.length };
}
