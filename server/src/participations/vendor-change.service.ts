import { Field, ID, InputType } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { LocalDateScalar } from '../common/scalars';
import { notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { participationForChange } from './move.service';
import type { Participation } from './participation.entity';
import { ParticipationState } from './participation-state';
import { ParticipationVendorChange } from './participation-vendor-change.entity';
import { goLiveSettingsOf } from './readiness';
import { recordTransition } from './transitions';

@InputType({ description: 'A change of EHR vendor (EPD-leverancier) for a participation.' })
export class VendorChangeInput {
  @Field(() => ID, { description: 'The participation.' })
  participationId!: string;

  @Field(() => String, { description: 'The vendor before (1–200 characters).' })
  fromVendor!: string;

  @Field(() => String, { description: 'The vendor after (1–200 characters).' })
  toVendor!: string;

  @Field(() => LocalDateScalar, { description: 'The day the new vendor took over.' })
  changedOn!: string;

  @Field(() => String, { nullable: true, description: 'Why, kept in the history when it sends the participation back to TESTING (up to 1000 characters).' })
  note?: string | null;
}

const vendorOk = (vendor: string) => vendor.trim().length >= 1 && vendor.trim().length <= 200;

/**
 * Records an EHR vendor change (hub staff or the institution's local administrator). When the
 * registry asks for it, a participation in PRODUCTION goes back to TESTING until a clean test
 * delivery is in (the go-live criteria count only test deliveries made since). Audited.
 */
export async function recordVendorChange(ctx: RequestContext, input: VendorChangeInput): Promise<ParticipationVendorChange | Refused> {
  const language = ctx.actor.language;
  if (!vendorOk(input.fromVendor) || !vendorOk(input.toVendor)) return refuse(language, RefusalCode.VENDOR_REQUIRED, { field: 'toVendor' });
  const note = input.note?.trim() || null;
  if (note && note.length > 1000) return refuse(language, RefusalCode.NOTE_TOO_LONG, { field: 'note' });
  return ctx.em.transactional(async (tx) => {
    const participation: Participation | null = await participationForChange(tx, ctx, input.participationId, 'recordVendorChange');
    if (!participation) return notFound(language, 'participation');
    const subDelivery = await tx.findOneOrFail(SubDelivery, { id: participation.subDelivery.id }, { populate: ['registry'] });
    const registry = subDelivery.registry.getEntity();
    const backToTesting = participation.state === ParticipationState.PRODUCTION && (await goLiveSettingsOf(tx, registry.id)).vendorChangeBackToTesting;
    const now = ctx.services.clock.now();
    const change = tx.create(ParticipationVendorChange, {
      participation,
      fromVendor: input.fromVendor.trim(),
      toVendor: input.toVendor.trim(),
      changedOn: input.changedOn,
      backToTesting,
      recordedAt: now,
    });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.CREATE,
      action: 'recordVendorChange',
      objectType: 'Participation',
      objectId: participation.id,
      institutionId: participation.institution.id,
      detail: `${registry.code}/${subDelivery.code} vendor change on ${input.changedOn}${backToTesting ? ', back to TESTING' : ''}`,
    });
    if (backToTesting)
      await recordTransition(tx, ctx.actor, participation, {
        to: ParticipationState.TESTING,
        note,
        at: now,
        action: 'recordVendorChange',
        detail: `${registry.code}/${subDelivery.code} vendor change`,
      });
    return change;
  });
}
