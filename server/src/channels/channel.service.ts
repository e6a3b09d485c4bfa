import type { RequestContext } from '../kernel/context';
import { administersInstitution, institutionScope, isHubStaff } from '../kernel/actor';
import { RefusalCode, type Refused, notFound, refuse } from '../kernel/refusal';
import { Role } from '../kernel/role';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { todayInAmsterdam } from '../common/calendar';
import { isUuid } from '../common/ids';
import { Frequency, Period } from '../common/period';
import { Institution } from '../institutions/institution.entity';
import { institutionByCode } from '../institutions/institution-by-code';
import type { Channel } from '../registries/channel';
import { Registry } from '../registries/registry.entity';
import { activeChannel } from './channel-rule';
import { ChannelSwitchDecision, type DecideChannelSwitchInput, type RequestChannelSwitchInput } from './channel.inputs';
import { ChannelSwitchRequest, ChannelSwitchStatus } from './channel-switch-request.entity';

const NOTE_MAX = 500;

/** The institution a request is for: the one named (if the actor administers it), or the actor's only one. */
async function requestingInstitution(ctx: RequestContext, code: string | null | undefined): Promise<Institution | null> {
  if (code) return institutionByCode(ctx.em, code, (id) => administersInstitution(ctx.actor, id));
  const own = institutionScope(ctx.actor, [Role.LOCAL_ADMIN]);
  if (!own || own.size !== 1) return null;
  return ctx.em.findOne(Institution, { id: [...own][0] as string });
}

/** The active channel of an institution for a registry, for whoever may read that institution's participations. */
export async function readActiveChannel(ctx: RequestContext, institutionCode: string, registryCode: string): Promise<Channel | null> {
  const scope = institutionScope(ctx.actor, [Role.LOCAL_ADMIN, Role.SUBMITTER, Role.VIEWER]);
  const institution = await institutionByCode(ctx.em, institutionCode, (id) => scope === null || scope.has(id));
  const registry = institution ? await ctx.em.findOne(Registry, { code: registryCode }) : null;
  if (!institution || !registry) return null;
  return activeChannel(ctx.em, institution.id, registry.id, { today: todayInAmsterdam(ctx.services.clock.now()) });
}

/** A local administrator asks to switch the institution's channel for a registry. Audited. */
export async function requestChannelSwitch(ctx: RequestContext, input: RequestChannelSwitchInput): Promise<ChannelSwitchRequest | Refused> {
  const language = ctx.actor.language;
  const institution = await requestingInstitution(ctx, input.institutionCode);
  if (!institution) {
    await recordRefusal(ctx, { action: 'requestChannelSwitch', objectType: 'Institution', objectId: input.institutionCode?.slice(0, 100) ?? null });
    return notFound(language, 'institution');
  }
  const registry = await ctx.em.findOne(Registry, { code: input.registry });
  if (!registry) return refuse(language, RefusalCode.UNKNOWN_REGISTRY, { params: { registry: input.registry }, field: 'registry' });
  if (!registry.acceptedChannels.includes(input.channel))
    return refuse(language, RefusalCode.CHANNEL_NOT_ACCEPTED, { params: { registry: registry.code, channel: input.channel }, field: 'channel' });
  const reason = input.reason.trim();
  if (!reason || reason.length > 500) return refuse(language, RefusalCode.REASON_REQUIRED, { field: 'reason' });
  if (input.desiredPeriod.kind === Frequency.TOTAL) return refuse(language, RefusalCode.NO_TOTAL_PERIOD, { field: 'desiredPeriod' });
  const current = await activeChannel(ctx.em, institution.id, registry.id, { today: todayInAmsterdam(ctx.services.clock.now()) });
  if (current === input.channel)
    return refuse(language, RefusalCode.CHANNEL_ALREADY_ACTIVE, { params: { registry: registry.code, channel: input.channel }, field: 'channel' });
  return ctx.em.transactional(async (tx) => {
    const request = tx.create(ChannelSwitchRequest, {
      institution: institution.id,
      registry: registry.id,
      fromChannel: current,
      channel: input.channel,
      reason,
      desiredPeriod: input.desiredPeriod.code,
      requestedBy: ctx.actor.user?.id ?? null,
      requestedAt: ctx.services.clock.now(),
    });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.CREATE,
      action: 'requestChannelSwitch',
      objectType: 'ChannelSwitchRequest',
      objectId: request.id,
      institutionId: institution.id,
      detail: `${registry.code} ${current ?? '-'} → ${input.channel} from ${input.desiredPeriod.code}`,
    });
    return request;
  });
}

/**
 * Hub staff approve (from an effective period, default the desired one) or decline a pending
 * request. An approval is the channel from the first day of that period (channel-rule.ts). Audited.
 */
export async function decideChannelSwitch(ctx: RequestContext, input: DecideChannelSwitchInput): Promise<ChannelSwitchRequest | Refused> {
  const language = ctx.actor.language;
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX) return refuse(language, RefusalCode.TEXT_REQUIRED, { params: { field: 'note', max: NOTE_MAX }, field: 'note' });
  if (input.effectivePeriod?.kind === Frequency.TOTAL) return refuse(language, RefusalCode.NO_TOTAL_PERIOD, { field: 'effectivePeriod' });
  return ctx.em.transactional(async (tx) => {
    const request = isUuid(input.id) ? await tx.findOne(ChannelSwitchRequest, { id: input.id }) : null;
    if (!request) return notFound(language, 'channelSwitchRequest');
    if (request.status !== ChannelSwitchStatus.PENDING) return refuse(language, RefusalCode.ALREADY_DECIDED, { field: 'id' });
    const approve = input.decision === ChannelSwitchDecision.APPROVE;
    if (approve) {
      const period = input.effectivePeriod ?? Period.parse(request.desiredPeriod);
      request.effectivePeriod = period.code;
      // Never TOTAAL (refused above, and desired periods are checked when requested): it has a start date.
      request.effectiveDate = period.startDate as string;
    }
    request.status = approve ? ChannelSwitchStatus.APPROVED : ChannelSwitchStatus.DECLINED;
    request.decisionNote = note;
    request.decidedBy = ctx.actor.user?.id ?? null;
    request.decidedAt = ctx.services.clock.now();
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'decideChannelSwitch',
      objectType: 'ChannelSwitchRequest',
      objectId: request.id,
      institutionId: request.institution.id,
      detail: approve ? `APPROVED ${request.channel} from ${request.effectivePeriod}` : 'DECLINED',
    });
    return request;
  });
}

/** Hub staff: every pending request, oldest first. A local administrator: their institutions' requests, newest first. */
export async function listChannelSwitchRequests(ctx: RequestContext): Promise<ChannelSwitchRequest[]> {
  if (isHubStaff(ctx.actor)) return ctx.em.find(ChannelSwitchRequest, { status: ChannelSwitchStatus.PENDING }, { orderBy: { requestedAt: 'asc', id: 'asc' } });
  const own = institutionScope(ctx.actor, [Role.LOCAL_ADMIN]);
  if (!own?.size) return [];
  return ctx.em.find(ChannelSwitchRequest, { institution: { $in: [...own] } }, { orderBy: { requestedAt: 'desc', id: 'desc' }, limit: 100 });
}
