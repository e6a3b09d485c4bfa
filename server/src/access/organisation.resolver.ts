import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { PageArgs } from '../common/pagination';
import { type CountedPage, ORGANISATION_PAGING, OrganisationConnection } from './access.paging';
import type { RequestContext } from '../kernel/context';
import { Organisation, OrganisationKind } from './organisation.entity';
import { createOrganisation, listOrganisations } from './organisation.service';
import { Role } from '../kernel/role';
import { type Refused, resultUnion } from '../kernel/refusal';

const CreateOrganisationResult = resultUnion('CreateOrganisationResult', 'The registered organisation, or why not.', Organisation);

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
}
