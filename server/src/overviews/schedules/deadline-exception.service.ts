import { Field, InputType, Int } from 'type-graphql';
import type { RequestContext } from '../../kernel/context';
import { AuditEventType } from '../../audit/audit-event.entity';
import { recordAudit } from '../../audit/audit.service';
import { User } from '../../access/user.entity';
import { Frequency, type Period } from '../../common/period';
import { LocalDateScalar, PeriodScalar } from '../../common/scalars';
import { isUuid } from '../../common/ids';
import { notFound, RefusalCode, type Refused, refuse } from '../../kernel/refusal';
import { grantsCover, readScope, scopeForInstitution } from '../../access/read-scope';
import { findStream } from '../common/streams';
import { periodEndOf } from './deadline-rules';
import { DeadlineException } from './deadline-exception.entity';
import { DeliverySchedule } from './delivery-schedule.entity';
import { institutionByCode } from '../../institutions/institution-by-code';

@InputType({ description: 'An institution-specific deadline or exemption for one period; replaces an earlier one for that period.' })
export class DeadlineExceptionInput {
  @Field(() => String, { description: '8-digit institution code.' })
  institutionCode!: string;

  @Field(() => String, { description: 'Registry code, e.g. `CAT`.' })
  registry!: string;

  @Field(() => String, { description: 'Sub-delivery code, e.g. `Cataract`.' })
  subDelivery!: string;

  @Field(() => PeriodScalar, { description: "The period; its kind must be one of the stream's schedules." })
  period!: Period;

  @Field(() => Int, { nullable: true, description: 'For TOTAAL only: the calendar year the TOTAAL delivery covers.' })
  totalYear?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The new deadline; leave out when exempting.' })
  deadline?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'True: nothing is expected for this period.' })
  exempt: boolean = false;

  @Field(() => String, { description: 'Why (1–500 characters); kept and audited.' })
  reason!: string;
}

export async function listDeadlineExceptions(ctx: RequestContext, institutionCode: string): Promise<DeadlineException[]> {
  const scope = await readScope(ctx);
  const institution = await institutionByCode(ctx.em, institutionCode, (id) => scopeForInstitution(scope, id) !== null);
  const grants = institution && scopeForInstitution(scope, institution.id);
  if (!institution || !grants) return [];
  const rows = await ctx.em.find(
    DeadlineException,
    { institution: institution.id },
    { populate: ['subDelivery'], orderBy: { periodEnd: 'desc', period: 'asc' } },
  );
  // Only the streams the caller may see: a CAT submitter does not read PMICD's exceptions or their reasons.
  return rows.filter((row) => grantsCover(grants, { registryId: row.subDelivery.getEntity().registry.id, subDeliveryId: row.subDelivery.id }));
}

/** Hub staff set another deadline or an exemption for one institution, stream and period (audited, same transaction). */
export async function setDeadlineException(ctx: RequestContext, input: DeadlineExceptionInput): Promise<DeadlineException | Refused> {
  const language = ctx.actor.language;
  const reason = input.reason.trim();
  if (reason.length < 1 || reason.length > 500) return refuse(language, RefusalCode.REASON_REQUIRED, { field: 'reason' });
  if (input.exempt === Boolean(input.deadline)) return refuse(language, RefusalCode.DEADLINE_OR_EXEMPT, { field: 'deadline' });
  const periodEnd = periodEndOf(input.period, input.totalYear ?? null);
  if (!periodEnd) return refuse(language, RefusalCode.TOTAL_YEAR_REQUIRED, { field: 'totalYear' });
  return ctx.em.transactional(async (tx) => {
    const stream = await findStream(tx, language, input);
    if (!('institution' in stream)) return stream;
    const schedules = await tx.find(DeliverySchedule, { subDelivery: stream.subDelivery.id });
    if (!schedules.some((schedule) => schedule.frequency === input.period.kind)) {
      const frequencies = schedules.map((schedule) => schedule.frequency).join(', ');
      return refuse(language, RefusalCode.NOT_SCHEDULED, {
        params: { period: input.period.code, subDelivery: stream.subDelivery.code, frequencies },
        field: 'period',
      });
    }
    const key = { institution: stream.institution.id, subDelivery: stream.subDelivery.id, period: input.period.code, periodEnd };
    const existing = await tx.findOne(DeadlineException, key);
    const values = {
      deadline: input.exempt ? null : (input.deadline ?? null),
      exempt: input.exempt,
      reason,
      setBy: ctx.actor.user ? tx.getReference(User, ctx.actor.user.id) : null,
      setAt: ctx.services.clock.now(),
    };
    const exception = existing
      ? Object.assign(existing, values)
      : tx.create(DeadlineException, { institution: stream.institution, subDelivery: stream.subDelivery, period: input.period.code, periodEnd, ...values });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: existing ? AuditEventType.UPDATE : AuditEventType.CREATE,
      action: 'setDeadlineException',
      objectType: 'DeadlineException',
      objectId: exception.id,
      institutionId: stream.institution.id,
      detail: `${stream.registry.code}/${stream.subDelivery.code} ${input.period.code}${input.period.kind === Frequency.TOTAL ? ` ${periodEnd}` : ''} ${input.exempt ? 'EXEMPT' : `DEADLINE ${input.deadline}`}: ${reason}`,
    });
    return exception;
  });
}

/** The period falls back to the schedule's deadline (audited). */
export async function removeDeadlineException(ctx: RequestContext, id: string): Promise<DeadlineException | Refused> {
  return ctx.em.transactional(async (tx) => {
    const exception = isUuid(id) ? await tx.findOne(DeadlineException, { id }) : null;
    if (!exception) return notFound(ctx.actor.language, 'deadlineException');
    const removed = Object.assign(new DeadlineException(), exception);
    await tx.remove(exception).flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.DELETE,
      action: 'removeDeadlineException',
      objectType: 'DeadlineException',
      objectId: id,
      institutionId: exception.institution.id,
      detail: `${exception.period} ${exception.periodEnd}`,
    });
    return removed;
  });
}
