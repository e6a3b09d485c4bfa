import { Arg, Authorized, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../kernel/context';
import { Role } from '../../kernel/role';
import { User } from '../../access/user.entity';
import { AuditEventType } from '../../audit/audit-event.entity';
import { recordAudit } from '../../audit/audit.service';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';
import { ReminderOptOut } from './reminder.entities';
import { registryLoaders } from '../../registries/registry.loaders';
import { RefusalCode, type Refused, refuse, resultUnion } from '../../kernel/refusal';

@ObjectType({ description: 'Whether you get reminder mails for a registry you submit for.' })
export class ReminderPreference {
  registryId!: string;

  @Field(() => Boolean, { description: 'True when you asked for no reminders for this registry.' })
  optedOut!: boolean;
}

@ObjectType({ description: 'All your reminder settings after a change.' })
export class ReminderPreferenceList {
  @Field(() => [ReminderPreference], { description: 'Per registry you submit for, by registry code.' })
  preferences!: ReminderPreference[];
}

const SetReminderOptOutResult = resultUnion(
  'SetReminderOptOutResult',
  'All your reminder settings after the change, or why it was refused.',
  ReminderPreferenceList,
);

/** Registries the signed-in user submits for (the ones reminders are about), with their opt-outs. */
async function preferences(ctx: RequestContext): Promise<ReminderPreference[]> {
  const user = ctx.actor.user;
  if (!user) return [];
  const grants = ctx.actor.grants.filter((grant) => grant.role === Role.SUBMITTER);
  const subIds = grants.map((grant) => grant.subDeliveryId).filter((id): id is string => id !== null);
  const viaSub = subIds.length ? await ctx.em.find(SubDelivery, { id: { $in: subIds } }, { fields: ['registry'] }) : [];
  const registryIds = [
    ...new Set([...grants.map((grant) => grant.registryId).filter((id): id is string => id !== null), ...viaSub.map((sub) => sub.registry.id)]),
  ];
  if (!registryIds.length) return [];
  const optOuts = new Set((await ctx.em.find(ReminderOptOut, { user: user.id })).map((row) => row.registry.id));
  const registries = await ctx.em.find(Registry, { id: { $in: registryIds } }, { orderBy: { code: 'asc' }, fields: ['id'] });
  return registries.map((registry) => Object.assign(new ReminderPreference(), { registryId: registry.id, optedOut: optOuts.has(registry.id) }));
}

@Resolver(() => ReminderPreference)
export class ReminderPreferenceResolver {
  @Authorized()
  @Query(() => [ReminderPreference], {
    description: 'Your reminder settings, per registry you submit for (empty for API tokens without a user). A plain list: one per registry.',
  })
  reminderPreferences(@Ctx() ctx: RequestContext): Promise<ReminderPreference[]> {
    return preferences(ctx);
  }

  @Authorized()
  @Mutation(() => SetReminderOptOutResult, {
    description:
      'Turns your reminder mails for one registry off (`optOut: true`) or on again; returns all your settings. Refused for an unknown registry and for API tokens without a user.',
  })
  async setReminderOptOut(
    @Ctx() ctx: RequestContext,
    @Arg('registry', () => String, { description: 'Registry code, e.g. `CAT`.' }) registryCode: string,
    @Arg('optOut', () => Boolean, { description: 'True: no reminders for this registry.' }) optOut: boolean,
  ): Promise<ReminderPreferenceList | Refused> {
    const user = ctx.actor.user;
    if (!user) return refuse(ctx.actor.language, RefusalCode.FORBIDDEN, { detail: 'REMINDERS_NEED_USER' });
    const registry = await ctx.em.findOne(Registry, { code: registryCode });
    if (!registry) return refuse(ctx.actor.language, RefusalCode.UNKNOWN_REGISTRY, { params: { registry: registryCode }, field: 'registry' });
    await ctx.em.transactional(async (tx) => {
      const existing = await tx.findOne(ReminderOptOut, { user: user.id, registry: registry.id });
      if (optOut === Boolean(existing)) return;
      if (existing) tx.remove(existing);
      else tx.create(ReminderOptOut, { user: tx.getReference(User, user.id), registry });
      await tx.flush();
      await recordAudit(tx, ctx.actor, {
        event: AuditEventType.UPDATE,
        action: 'setReminderOptOut',
        objectType: 'User',
        objectId: user.id,
        detail: `${registry.code} ${optOut ? 'OFF' : 'ON'}`,
      });
    });
    return Object.assign(new ReminderPreferenceList(), { preferences: await preferences(ctx) });
  }

  @FieldResolver(() => Registry, { description: 'The registry.' })
  async registry(@Root() preference: ReminderPreference, @Ctx() ctx: RequestContext): Promise<Registry> {
    const registry = await registryLoaders(ctx).registryById.load(preference.registryId);
    if (!registry) throw new Error('registry vanished');
    return registry;
  }
}
