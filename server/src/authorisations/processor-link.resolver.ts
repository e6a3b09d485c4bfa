import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { isHubStaff } from '../kernel/actor';
import { type Refused, resultUnion } from '../kernel/refusal';
import { Role } from '../kernel/role';
import { accessLoaders } from '../access/access.loaders';
import { Organisation } from '../access/organisation.entity';
import { Registry } from '../registries/registry.entity';
import { registryLoaders } from '../registries/registry.loaders';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { processorOrganisations } from './authorisation.service';
import { LinkProcessorInput, UpdateProcessorLinkInput } from './processor-link.inputs';
import { ProcessorLink } from './processor-link.entity';
import { linkProcessor, listProcessorLinks, removeProcessorLink, updateProcessorLink } from './processor-link.service';

const ProcessorLinkResult = resultUnion('ProcessorLinkResult', 'The processor link as stored, or why not.', ProcessorLink);

@Resolver(() => ProcessorLink)
export class ProcessorLinkResolver {
  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN, Role.PROCESSOR)
  @Query(() => [ProcessorLink], {
    description:
      "Live processor links, oldest first: hub staff and local administrators (who grant from them) see all, a processor's users their own organisation's. A plain list: one per processor and registry stream.",
  })
  processorLinks(
    @Ctx() ctx: RequestContext,
    @Arg('organisationId', () => ID, { nullable: true, description: 'Only this processor organisation.' }) organisationId?: string | null,
  ): Promise<ProcessorLink[]> {
    const own = isHubStaff(ctx.actor) || ctx.actor.grants.some((grant) => grant.role === Role.LOCAL_ADMIN) ? null : processorOrganisations(ctx.actor);
    return listProcessorLinks(ctx, organisationId ?? null, own);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => ProcessorLinkResult, {
    description:
      "Links a processor organisation to a registry or one sub-delivery with the fields it may ever receive (hub staff; audited). Fields must be in the registry's current dictionary and not identifying.",
  })
  linkProcessor(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => LinkProcessorInput, { description: 'The processor, registry and fields.' }) input: LinkProcessorInput,
  ): Promise<ProcessorLink | Refused> {
    return linkProcessor(ctx, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => ProcessorLinkResult, {
    description: "Changes a link's field set (hub staff; audited); authorisations under it lose fields no longer in the set.",
  })
  updateProcessorLink(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateProcessorLinkInput, { description: 'The link and its new fields.' }) input: UpdateProcessorLinkInput,
  ): Promise<ProcessorLink | Refused> {
    return updateProcessorLink(ctx, input);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => ProcessorLinkResult, { description: 'Removes a link (hub staff; audited): every authorisation under it is revoked at once.' })
  removeProcessorLink(@Ctx() ctx: RequestContext, @Arg('linkId', () => ID, { description: 'The link.' }) linkId: string): Promise<ProcessorLink | Refused> {
    return removeProcessorLink(ctx, linkId);
  }

  @FieldResolver(() => Organisation, { description: 'The processor organisation.' })
  async organisation(@Root() link: ProcessorLink, @Ctx() ctx: RequestContext): Promise<Organisation> {
    const organisation = await accessLoaders(ctx).organisationById.load(link.organisation.id);
    if (!organisation) throw new Error(`processor link ${link.id} has no organisation`);
    return organisation;
  }

  @FieldResolver(() => Registry, { description: 'The registry.' })
  async registry(@Root() link: ProcessorLink, @Ctx() ctx: RequestContext): Promise<Registry> {
    const registry = await registryLoaders(ctx).registryById.load(link.registry.id);
    if (!registry) throw new Error(`processor link ${link.id} has no registry`);
    return registry;
  }

  @FieldResolver(() => SubDelivery, { nullable: true, description: 'The one sub-delivery; null: every sub-delivery of the registry.' })
  async subDelivery(@Root() link: ProcessorLink, @Ctx() ctx: RequestContext): Promise<SubDelivery | null> {
    return link.subDelivery ? registryLoaders(ctx).subDeliveryById.load(link.subDelivery.id) : null;
  }
}
