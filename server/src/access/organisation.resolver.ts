import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { PageArgs } from '../common/pagination';
import { type CountedPage, ORGANISATION_PAGING, OrganisationConnection } from './access.paging';
import type { RequestContext } from '../kernel/context';
import { Organisation, OrganisationKind } from './organisation.entity';
import { createOrganisation, listOrganisations } from './organisation.service';
import { deactivateOrganisation, reactivateOrganisation, updateOrganisation } from './organisation-admin.service';
import { Role } from '../kernel/role';
import { type Refused, resultUnion } from '../kernel/refusal';

const CreateOrganisationResult = resultUnion('CreateOrganisationResult', 'The registered organisation, or why not.', Organisation);
const UpdateOrganisationResult = resultUnion('UpdateOrganisationResult', 'The renamed organisation, or why not.', Organisation);
const DeactivateOrganisationResult = resultUnion('DeactivateOrganisationResult', 'The deactivated organisation, or why not.', Organisation);
const ReactivateOrganisationResult = resultUnion('ReactivateOrganisationResult', 'The reactivated organisation, or why not.', Organisation);
const ID_ARG = { description: 'The processor or requester organisation.' };

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Authorized(Role.HUB_STAFF)
  @Query(() => OrganisationConnection, { description: 'Organisations, by name (hub staff).' })
  organisations(
    @Ctx() ctx: RequestContext,
    @Args(() => ORGANISATION_PAGING.Args) page: PageArgs,
    @Arg('kind', () => OrganisationKind, { nullable: true, description: 'Only this kind.' }) kind?: OrganisationKind | null,
  ): Promise<CountedPage<Organisation>> {
    return listOrganisations(ctx, kind ?? null, page);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => CreateOrganisationResult, { description: 'Registers a processor or requester organisation (hub staff).' })
  createOrganisation(
    @Ctx() ctx: RequestContext,
    @Arg('kind', () => OrganisationKind, { description: 'PROCESSOR or REQUESTER.' }) kind: OrganisationKind,
    @Arg('name', () => String, { description: 'Name, unique (up to 200 characters).' }) name: string,
  ): Promise<Organisation | Refused> {
    return createOrganisation(ctx, kind, name);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => UpdateOrganisationResult, { description: 'Renames a processor or requester organisation (hub staff).' })
  updateOrganisation(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('name', () => String, { description: 'New name, unique (1–200 characters).' }) name: string,
  ): Promise<Organisation | Refused> {
    return updateOrganisation(ctx, id, name);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => DeactivateOrganisationResult, {
    description: "Deactivates a processor or requester organisation (hub staff): its people's roles and its API tokens stop working, their sessions end.",
  })
  deactivateOrganisation(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('reason', () => String, { description: 'Why (1–500 characters), kept with the organisation.' }) reason: string,
  ): Promise<Organisation | Refused> {
    return deactivateOrganisation(ctx, id, reason);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => ReactivateOrganisationResult, { description: "Makes a deactivated organisation active again; its people's roles work again (hub staff)." })
  reactivateOrganisation(@Ctx() ctx: RequestContext, @Arg('id', () => ID, ID_ARG) id: string): Promise<Organisation | Refused> {
    return reactivateOrganisation(ctx, id);
  }
}
