import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { Institution } from '../institutions/institution.entity';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { Organisation } from './organisation.entity';
import { RoleAssignment } from './role-assignment.entity';
import { accessLoaders } from './access.loaders';
import { institutionLoaders } from '../institutions/institution.loaders';
import { registryLoaders } from '../registries/registry.loaders';

@Resolver(() => RoleAssignment)
export class RoleAssignmentResolver {
  @FieldResolver(() => Institution, { nullable: true, description: 'The institution the role is for (institution roles).' })
  institution(@Root() assignment: RoleAssignment, @Ctx() ctx: RequestContext): Promise<Institution | null> | null {
    return assignment.institution ? institutionLoaders(ctx).institutionById.load(assignment.institution.id) : null;
  }

  @FieldResolver(() => Registry, { nullable: true, description: 'The registry the role is limited to (SUBMITTER, VIEWER).' })
  registry(@Root() assignment: RoleAssignment, @Ctx() ctx: RequestContext): Promise<Registry | null> | null {
    return assignment.registry ? registryLoaders(ctx).registryById.load(assignment.registry.id) : null;
  }

  @FieldResolver(() => SubDelivery, { nullable: true, description: 'The sub-delivery the role is limited to, when narrower than the registry.' })
  subDelivery(@Root() assignment: RoleAssignment, @Ctx() ctx: RequestContext): Promise<SubDelivery | null> | null {
    return assignment.subDelivery ? registryLoaders(ctx).subDeliveryById.load(assignment.subDelivery.id) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation the role is for (PROCESSOR, REQUESTER).' })
  organisation(@Root() assignment: RoleAssignment, @Ctx() ctx: RequestContext): Promise<Organisation | null> | null {
    return assignment.organisation ? accessLoaders(ctx).organisationById.load(assignment.organisation.id) : null;
  }
}
