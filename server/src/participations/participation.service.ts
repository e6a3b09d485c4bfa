import { Field, InputType } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { Channel } from '../registries/channel';
import { Frequency, Period } from '../common/period';
import { PeriodScalar } from '../common/scalars';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { grantsCover, readScope, scopeForInstitution } from '../access/read-scope';
import { findStream } from '../overviews/common/streams';
import { Participation } from './participation.entity';
import { todayInAmsterdam } from '../common/calendar';
import { registryChannelConflict } from '../channels/channel-rule';
import { channelName } from '../channels/channel-name';
import { ParticipationState } from './participation-state';
import { institutionByCode } from '../institutions/institution-by-code';
import { recordCreation } from './transitions';

@InputType({
  description:
    "An institution's participation in a sub-delivery, recorded by hub staff: a new one starts REQUESTED; an existing one for the same pair keeps its state and gets these periods and channel.",
})
export class ParticipationInput {
  @Field(() => String, { description: '8-digit institution code.' })
  institutionCode!: string;

  @Field(() => String, { description: 'Registry code, e.g. `CAT`.' })
  registry!: string;

  @Field(() => String, { description: 'Sub-delivery code, e.g. `Cataract`.' })
  subDelivery!: string;

  @Field(() => PeriodScalar, { description: 'First period taken part in (not TOTAAL); every period overlapping it or later is expected.' })
  startPeriod!: Period;

  @Field(() => PeriodScalar, { nullable: true, description: 'Last period taken part in (leaving mid-way); null while ongoing.' })
  endPeriod?: Period | null;

  @Field(() => Channel, { defaultValue: Channel.PORTAL, description: 'The one channel the institution delivers through.' })
  channel: Channel = Channel.PORTAL;
}

/** The participations of an institution the caller may see (scoped like the overview), by registry code. */
export async function listParticipations(ctx: RequestContext, institutionCode: string): Promise<Participation[]> {
  const scope = await readScope(ctx);
  const institution = await institutionByCode(ctx.em, institutionCode, (id) => scopeForInstitution(scope, id) !== null);
  const grants = institution && scopeForInstitution(scope, institution.id);
  if (!institution || !grants) return [];
  const rows = await ctx.em.find(Participation, { institution: institution.id }, { populate: ['subDelivery'] });
  return rows.filter((row) => grantsCover(grants, { registryId: row.subDelivery.getEntity().registry.id, subDeliveryId: row.subDelivery.id }));
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One participation by id when the caller may see it (scoped like `participations`); null otherwise, alike for unknown and foreign ids. */
export async function visibleParticipation(ctx: RequestContext, id: string): Promise<Participation | null> {
  if (!UUID.test(id)) return null;
  const participation = await ctx.em.findOne(Participation, { id }, { populate: ['subDelivery'] });
  if (!participation) return null;
  const grants = scopeForInstitution(await readScope(ctx), participation.institution.id);
  const subDelivery = participation.subDelivery.getEntity();
  return grants && grantsCover(grants, { registryId: subDelivery.registry.id, subDeliveryId: subDelivery.id }) ? participation : null;
}

/**
 * Hub staff record a participation (it starts REQUESTED and moves on with moveParticipation) or
 * change its periods and channel; the expected deliveries follow at once (they are computed). Audited.
 */
export async function setParticipation(ctx: RequestContext, input: ParticipationInput): Promise<Participation | Refused> {
  const language = ctx.actor.language;
  if (input.startPeriod.kind === Frequency.TOTAL || input.endPeriod?.kind === Frequency.TOTAL)
    return refuse(language, RefusalCode.NO_TOTAL_PERIOD, { field: 'startPeriod' });
  const startDate = input.startPeriod.startDate as string;
  const endDate = input.endPeriod?.endDate ?? null;
  if (endDate !== null && endDate < startDate) return refuse(language, RefusalCode.END_BEFORE_START, { field: 'endPeriod' });
  return ctx.em.transactional(async (tx) => {
    const stream = await findStream(tx, language, input);
    if (!('institution' in stream)) return stream;
    if (!stream.registry.acceptedChannels.includes(input.channel)) {
      return refuse(language, RefusalCode.CHANNEL_NOT_ACCEPTED, { params: { registry: stream.registry.code, channel: input.channel }, field: 'channel' });
    }
    // One channel per registry: another sub-delivery's channel (or an approved switch) wins; changing it is a channel switch.
    const today = todayInAmsterdam(ctx.services.clock.now());
    const active = await registryChannelConflict(tx, stream.institution.id, stream.registry.id, input.channel, { today, subDeliveryId: stream.subDelivery.id });
    if (active) {
      return refuse(language, RefusalCode.CHANNEL_NOT_ACTIVE, {
        params: {
          code: stream.institution.code,
          registry: stream.registry.code,
          active: channelName(language, active),
          channel: channelName(language, input.channel),
        },
        field: 'channel',
      });
    }
    const existing = await tx.findOne(Participation, { institution: stream.institution.id, subDelivery: stream.subDelivery.id });
    const values = {
      startPeriod: input.startPeriod.code,
      startDate,
      endPeriod: input.endPeriod?.code ?? null,
      endDate,
      channel: input.channel,
    };
    const participation = existing
      ? Object.assign(existing, values)
      : tx.create(Participation, { institution: stream.institution, subDelivery: stream.subDelivery, ...values, state: ParticipationState.REQUESTED });
    if (!existing) recordCreation(tx, ctx.actor, participation, ctx.services.clock.now(), null);
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: existing ? AuditEventType.UPDATE : AuditEventType.CREATE,
      action: 'setParticipation',
      objectType: 'Participation',
      objectId: participation.id,
      institutionId: stream.institution.id,
      detail: `${stream.registry.code}/${stream.subDelivery.code} ${values.startPeriod}–${values.endPeriod ?? ''} ${values.channel} ${participation.state}`,
    });
    return participation;
  });
}
