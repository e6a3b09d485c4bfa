import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { Role } from '../kernel/role';
import { Institution } from '../institutions/institution.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { PeriodScalar } from '../common/scalars';
import type { PageArgs } from '../common/pagination';
import { type Refused, resultUnion } from '../kernel/refusal';
import { Participation } from './participation.entity';
import { ParticipationState } from './participation-state';
import { listParticipations, ParticipationInput, setParticipation } from './participation.service';
import { institutionLoaders } from '../institutions/institution.loaders';
import { registryLoaders } from '../registries/registry.loaders';
import { type CountedPage, participationTransitions, ParticipationTransitionConnection, TRANSITION_PAGING } from './board.service';
import type { ParticipationTransition } from './participation-transition.entity';
import { ParticipationVendorChange } from './participation-vendor-change.entity';
import { participationLoaders } from './participation.loaders';
import { RegistryContact } from '../contacts/registry-contact.entity';
import { administersInstitution, isHubStaff } from '../kernel/actor';

const ParticipationResult = resultUnion('ParticipationResult', 'The participation as stored, or why not.', Participation);

@Resolver(() => Participation)
export class ParticipationResolver {
  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN, Role.SUBMITTER, Role.VIEWER)
  @Query(() => [Participation], {
    description:
      "An institution's participations (deelnames) the caller may see (a local administrator: all of their institution's); empty for an unknown or foreign institution. A plain list: at most one per sub-delivery.",
  })
  participations(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit code.' }) institutionCode: string,
  ): Promise<Participation[]> {
    return listParticipations(ctx, institutionCode);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => ParticipationResult, {
    description:
      "Records an institution's participation in a sub-delivery (it starts REQUESTED) or changes its periods and channel (its state stays; moveParticipation moves it). Hub staff; audited. Expected deliveries follow at once.",
  })
  setParticipation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => ParticipationInput, { description: 'The participation.' }) input: ParticipationInput,
  ): Promise<Participation | Refused> {
    return setParticipation(ctx, input);
  }

  @FieldResolver(() => Institution, { description: 'The participating institution.' })
  async institution(@Root() participation: Participation, @Ctx() ctx: RequestContext): Promise<Institution> {
    const institution = await institutionLoaders(ctx).institutionById.load(participation.institution.id);
    if (!institution) throw new Error(`participation ${participation.id} has no institution`);
    return institution;
  }

  @FieldResolver(() => SubDelivery, { description: 'The sub-delivery (and through it the registry).' })
  async subDelivery(@Root() participation: Participation, @Ctx() ctx: RequestContext): Promise<SubDelivery> {
    const subDelivery = await registryLoaders(ctx).subDeliveryById.load(participation.subDelivery.id);
    if (!subDelivery) throw new Error(`participation ${participation.id} has no sub-delivery`);
    return subDelivery;
  }

  @FieldResolver(() => Boolean, { description: 'True in PRODUCTION: deliveries are expected from the start period.' })
  active(@Root() participation: Participation): boolean {
    return participation.state === ParticipationState.PRODUCTION;
  }

  @FieldResolver(() => PeriodScalar, { description: 'First period taken part in (at sign-up: the desired start period).' })
  startPeriod(@Root() participation: Participation): string {
    return participation.startPeriod;
  }

  @FieldResolver(() => PeriodScalar, { nullable: true, description: 'Last period taken part in; null while ongoing.' })
  endPeriod(@Root() participation: Participation): string | null {
    return participation.endPeriod ?? null;
  }

  @FieldResolver(() => ParticipationTransitionConnection, {
    description: 'The history: every step from sign-up on, oldest first (one query per participation asked: ask it of a few, not of a whole board page).',
  })
  transitions(
    @Root() participation: Participation,
    @Ctx() ctx: RequestContext,
    @Args(() => TRANSITION_PAGING.Args) page: PageArgs,
  ): Promise<CountedPage<ParticipationTransition>> {
    return participationTransitions(ctx, participation.id, page);
  }

  @FieldResolver(() => [ParticipationVendorChange], { description: 'EHR vendor changes, oldest first. A plain list: a handful per participation.' })
  vendorChanges(@Root() participation: Participation, @Ctx() ctx: RequestContext): Promise<ParticipationVendorChange[]> {
    return participationLoaders(ctx).vendorChangesByParticipation.load(participation.id);
  }

  @FieldResolver(() => [RegistryContact], {
    description:
      "The institution's contact persons for this participation's registry (named at sign-up or added later); empty unless the caller is hub staff or the institution's local administrator. A plain list: a handful.",
  })
  async registryContacts(@Root() participation: Participation, @Ctx() ctx: RequestContext): Promise<RegistryContact[]> {
    if (!isHubStaff(ctx.actor) && !administersInstitution(ctx.actor, participation.institution.id)) return [];
    const subDelivery = await registryLoaders(ctx).subDeliveryById.load(participation.subDelivery.id);
    if (!subDelivery) return [];
    return participationLoaders(ctx).contactsByInstitutionRegistry.load(`${participation.institution.id}/${subDelivery.registry.id}`);
  }
}
