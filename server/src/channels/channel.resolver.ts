import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { type Refused, resultUnion } from '../kernel/refusal';
import { Role } from '../kernel/role';
import { PeriodScalar } from '../common/scalars';
import { Institution } from '../institutions/institution.entity';
import { institutionLoaders } from '../institutions/institution.loaders';
import { Channel } from '../registries/channel';
import { Registry } from '../registries/registry.entity';
import { registryLoaders } from '../registries/registry.loaders';
import { DecideChannelSwitchInput, RequestChannelSwitchInput } from './channel.inputs';
import { decideChannelSwitch, listChannelSwitchRequests, readActiveChannel, requestChannelSwitch } from './channel.service';
import { ChannelSwitchRequest } from './channel-switch-request.entity';

const ChannelSwitchResult = resultUnion('ChannelSwitchResult', 'The channel switch request as stored, or why not.', ChannelSwitchRequest);

@Resolver(() => ChannelSwitchRequest)
export class ChannelResolver {
  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN, Role.SUBMITTER, Role.VIEWER)
  @Query(() => Channel, {
    nullable: true,
    description:
      "The one channel the institution delivers to the registry through today (an approved switch from its effective period, else the participations' channel); null when it takes part in none of the registry's sub-deliveries, or the institution is unknown or not yours.",
  })
  activeChannel(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit code.' }) institutionCode: string,
    @Arg('registry', () => String, { description: 'Registry code.' }) registry: string,
  ): Promise<Channel | null> {
    return readActiveChannel(ctx, institutionCode, registry);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => [ChannelSwitchRequest], {
    description:
      "Hub staff: every pending channel switch request, oldest first. Local administrators: their institution's requests (the latest 100), newest first. A plain list: pending requests are few.",
  })
  channelSwitchRequests(@Ctx() ctx: RequestContext): Promise<ChannelSwitchRequest[]> {
    return listChannelSwitchRequests(ctx);
  }

  @Authorized(Role.LOCAL_ADMIN)
  @Mutation(() => ChannelSwitchResult, {
    description: "Asks to deliver to a registry through another channel from a period (the institution's local administrators; audited).",
  })
  requestChannelSwitch(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => RequestChannelSwitchInput, { description: 'Registry, channel, reason and desired period.' }) input: RequestChannelSwitchInput,
  ): Promise<ChannelSwitchRequest | Refused> {
    return requestChannelSwitch(ctx, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => ChannelSwitchResult, { description: 'Approves (from an effective period) or declines a pending channel switch (hub staff; audited).' })
  decideChannelSwitch(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => DecideChannelSwitchInput, { description: 'The request and the decision.' }) input: DecideChannelSwitchInput,
  ): Promise<ChannelSwitchRequest | Refused> {
    return decideChannelSwitch(ctx, input);
  }

  @FieldResolver(() => Institution, { description: 'The institution that asks.' })
  async institution(@Root() request: ChannelSwitchRequest, @Ctx() ctx: RequestContext): Promise<Institution> {
    const institution = await institutionLoaders(ctx).institutionById.load(request.institution.id);
    if (!institution) throw new Error(`channel switch ${request.id} has no institution`);
    return institution;
  }

  @FieldResolver(() => Registry, { description: 'The registry.' })
  async registry(@Root() request: ChannelSwitchRequest, @Ctx() ctx: RequestContext): Promise<Registry> {
    const registry = await registryLoaders(ctx).registryById.load(request.registry.id);
    if (!registry) throw new Error(`channel switch ${request.id} has no registry`);
    return registry;
  }

  @FieldResolver(() => PeriodScalar, { description: 'The period from which the institution would like to switch.' })
  desiredPeriod(@Root() request: ChannelSwitchRequest): string {
    return request.desiredPeriod;
  }

  @FieldResolver(() => PeriodScalar, { nullable: true, description: 'When approved: the period from which the channel changes.' })
  effectivePeriod(@Root() request: ChannelSwitchRequest): string | null {
    return request.effectivePeriod ?? null;
  }
}
