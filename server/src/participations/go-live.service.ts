import { LockMode } from '@mikro-orm/core';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { systemActor } from '../kernel/actor';
import type { AppServices } from '../kernel/services';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit } from '../audit/audit.service';
import { fillIn, messages } from '../common/messages';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { Delivery } from '../deliveries/delivery.entity';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { GoLiveSettings } from './go-live-settings.entity';
import { Participation } from './participation.entity';
import { ParticipationState } from './participation-state';
import { goLiveSettingsOf, goLiveState, type GoLiveState } from './readiness';
import { recordTransition } from './transitions';
import { visibleParticipation } from './participation.service';

export enum GoLiveCriterionKind {
  IN_TESTING = 'IN_TESTING',
  LOCAL_ADMIN = 'LOCAL_ADMIN',
  SUBMITTER = 'SUBMITTER',
  REQUIRED_VERSION = 'REQUIRED_VERSION',
  CLEAN_TEST_DELIVERIES = 'CLEAN_TEST_DELIVERIES',
}

registerEnumType(GoLiveCriterionKind, {
  name: 'GoLiveCriterionKind',
  description: 'One criterion a participation must meet before PRODUCTION.',
  valuesConfig: {
    IN_TESTING: { description: 'The participation is in TESTING.' },
    LOCAL_ADMIN: { description: 'The institution has an active local administrator.' },
    SUBMITTER: { description: 'The institution has an active submitter for the registry.' },
    REQUIRED_VERSION: { description: 'The sub-delivery has a dictionary version required today.' },
    CLEAN_TEST_DELIVERIES: {
      description: 'Enough test deliveries of that version processed with no F, BF or TF line since the participation entered TESTING.',
    },
  },
});

@ObjectType({ description: 'One go-live criterion and whether it is met.' })
export class GoLiveCriterion {
  @Field(() => GoLiveCriterionKind, { description: 'Which criterion.' })
  criterion!: GoLiveCriterionKind;

  @Field(() => Boolean, { description: 'True when met.' })
  met!: boolean;

  @Field(() => String, { description: "What it asks, in the caller's language." })
  description!: string;
}

@ObjectType({ description: "Where a participation stands against its registry's go-live criteria." })
export class GoLiveChecklist {
  @Field(() => Boolean, {
    description: 'True when every criterion is met: hub staff may move it to PRODUCTION (or it moves by itself with automatic go-live).',
  })
  met!: boolean;

  @Field(() => [GoLiveCriterion], { description: 'Each criterion, met or missing.' })
  criteria!: GoLiveCriterion[];

  @Field(() => String, { nullable: true, description: 'The dictionary version test deliveries must follow; null when none is required today.' })
  requiredVersion!: string | null;

  @Field(() => Int, { description: 'Clean test deliveries of that version since the participation entered TESTING.' })
  cleanTestDeliveryCount!: number;

  @Field(() => Int, { description: 'How many the registry asks for.' })
  minCleanTestDeliveryCount!: number;

  @Field(() => Boolean, { description: 'True when the registry moves a participation to PRODUCTION by itself once the criteria are met.' })
  autoGoLive!: boolean;
}

@InputType({ description: "A registry's go-live criteria and vendor-change rule." })
export class GoLiveSettingsInput {
  @Field(() => String, { description: 'Registry code, e.g. `CAT`.' })
  registry!: string;

  @Field(() => Int, { description: 'Clean test deliveries needed before PRODUCTION (1–20).' })
  minCleanTestDeliveries!: number;

  @Field(() => Boolean, { description: 'True: TESTING moves to PRODUCTION by itself once the criteria are met (audited as the system).' })
  autoGoLive!: boolean;

  @Field(() => Boolean, { description: 'True: an EHR vendor change puts a participation in PRODUCTION back in TESTING.' })
  vendorChangeBackToTesting!: boolean;
}

function checklistOf(ctx: RequestContext, state: GoLiveState, autoGoLive: boolean): GoLiveChecklist {
  const words = messages(ctx.actor.language).participation.missing;
  const criterion = (kind: GoLiveCriterionKind, met: boolean, description: string) =>
    Object.assign(new GoLiveCriterion(), { criterion: kind, met, description });
  return Object.assign(new GoLiveChecklist(), {
    met: state.met,
    requiredVersion: state.requiredVersion,
    cleanTestDeliveryCount: state.cleanTestDeliveries,
    minCleanTestDeliveryCount: state.minCleanTestDeliveries,
    autoGoLive,
    criteria: [
      criterion(GoLiveCriterionKind.IN_TESTING, state.inTesting, words.IN_TESTING),
      criterion(GoLiveCriterionKind.LOCAL_ADMIN, !state.missingAccounts.includes('LOCAL_ADMIN'), words.LOCAL_ADMIN),
      criterion(GoLiveCriterionKind.SUBMITTER, !state.missingAccounts.includes('SUBMITTER'), words.SUBMITTER),
      criterion(GoLiveCriterionKind.REQUIRED_VERSION, state.requiredVersion !== null, words.REQUIRED_VERSION),
      criterion(
        GoLiveCriterionKind.CLEAN_TEST_DELIVERIES,
        state.requiredVersion !== null && state.cleanTestDeliveries >= state.minCleanTestDeliveries,
        fillIn(words.CLEAN_TEST_DELIVERIES, { min: state.minCleanTestDeliveries, version: state.requiredVersion ?? '–', count: state.cleanTestDeliveries }),
      ),
    ],
  });
}

/** The go-live checklist of a participation the caller may see (as `participations`); null otherwise. */
export async function goLiveChecklist(ctx: RequestContext, participationId: string): Promise<GoLiveChecklist | null> {
  const participation = await visibleParticipation(ctx, participationId);
  if (!participation) return null;
  const subDelivery = await ctx.em.findOneOrFail(SubDelivery, { id: participation.subDelivery.id });
  const settings = await goLiveSettingsOf(ctx.em, subDelivery.registry.id);
  return checklistOf(ctx, await goLiveState(ctx.em, participation, subDelivery.registry.id, ctx.services.clock.now()), settings.autoGoLive);
}

/** Hub staff set a registry's go-live criteria; audited. */
export async function setGoLiveSettings(ctx: RequestContext, input: GoLiveSettingsInput): Promise<GoLiveSettings | Refused> {
  const language = ctx.actor.language;
  if (!Number.isInteger(input.minCleanTestDeliveries) || input.minCleanTestDeliveries < 1 || input.minCleanTestDeliveries > 20)
    return refuse(language, RefusalCode.GO_LIVE_MIN_RANGE, { params: { min: 1, max: 20 }, field: 'minCleanTestDeliveries' });
  return ctx.em.transactional(async (tx) => {
    const registry = await tx.findOne(Registry, { code: input.registry });
    if (!registry) return refuse(language, RefusalCode.UNKNOWN_REGISTRY, { params: { registry: input.registry }, field: 'registry' });
    const values = {
      minCleanTestDeliveries: input.minCleanTestDeliveries,
      autoGoLive: input.autoGoLive,
      vendorChangeBackToTesting: input.vendorChangeBackToTesting,
    };
    const existing = await tx.findOne(GoLiveSettings, { registry: registry.id });
    const settings = existing ? Object.assign(existing, values) : tx.create(GoLiveSettings, { registry, ...values });
    await tx.flush();
    await recordAudit(tx, ctx.actor, {
      event: AuditEventType.UPDATE,
      action: 'setGoLiveSettings',
      objectType: 'Registry',
      objectId: registry.id,
      detail: `${registry.code} min ${values.minCleanTestDeliveries} auto ${values.autoGoLive} vendorChangeBackToTesting ${values.vendorChangeBackToTesting}`,
    });
    return settings;
  });
}

/**
 * Called once a test delivery's final status is committed: where the registry has automatic
 * go-live and the participation in TESTING now meets the criteria, it moves to PRODUCTION, recorded
 * and audited as done by the system. Returns whether it moved.
 */
export async function afterTestDelivery(services: Pick<AppServices, 'orm' | 'clock'>, deliveryId: string): Promise<boolean> {
  return services.orm.em.fork().transactional(async (tx) => {
    const delivery = await tx.findOne(Delivery, { id: deliveryId });
    if (!delivery?.test) return false;
    const participation = await tx.findOne(
      Participation,
      { institution: delivery.institution.id, subDelivery: delivery.subDelivery.id, state: ParticipationState.TESTING },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!participation) return false;
    const subDelivery = await tx.findOneOrFail(SubDelivery, { id: participation.subDelivery.id }, { populate: ['registry'] });
    const registry = subDelivery.registry.getEntity();
    if (!(await goLiveSettingsOf(tx, registry.id)).autoGoLive) return false;
    const now = services.clock.now();
    if (!(await goLiveState(tx, participation, registry.id, now)).met) return false;
    await recordTransition(tx, systemActor, participation, {
      to: ParticipationState.PRODUCTION,
      note: null,
      at: now,
      action: 'autoGoLive',
      detail: `${registry.code}/${subDelivery.code} after test delivery ${deliveryId}`,
    });
    return true;
  });
}
