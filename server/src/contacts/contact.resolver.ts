import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { type Refused, resultUnion } from '../kernel/refusal';
import { Role } from '../kernel/role';
import type { Connection, PageArgs } from '../common/pagination';
import { Institution } from '../institutions/institution.entity';
import { institutionLoaders } from '../institutions/institution.loaders';
import { Registry } from '../registries/registry.entity';
import { registryLoaders } from '../registries/registry.loaders';
import { Announcement } from './announcement.entity';
import { ANNOUNCEMENT_PAGING, AnnouncementConnection, listAnnouncements, sendAnnouncement } from './announcement.service';
import { AddRegistryContactInput, RegistryContactDetailsInput } from './contact.inputs';
import { addRegistryContact, listRegistryContacts, removeRegistryContact, updateRegistryContact } from './contact.service';
import { RegistryContact } from './registry-contact.entity';

const RegistryContactResult = resultUnion('RegistryContactResult', 'The contact person (as stored, or as it was before removal), or why not.', RegistryContact);
const AnnouncementResult = resultUnion('AnnouncementResult', 'The announcement as sent, or why not.', Announcement);

@Resolver(() => RegistryContact)
export class RegistryContactResolver {
  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => [RegistryContact], {
    description:
      "An institution's contact persons per registry (hub staff, the institution's local administrators); empty for an unknown or foreign institution. A plain list: a few per registry.",
  })
  registryContacts(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit code.' }) institutionCode: string,
    @Arg('registry', () => String, { nullable: true, description: 'Only this registry (code).' }) registry?: string | null,
  ): Promise<RegistryContact[]> {
    return listRegistryContacts(ctx, institutionCode, registry);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => RegistryContactResult, { description: "Adds a contact person for a registry (hub staff, the institution's local administrators; audited)." })
  addRegistryContact(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => AddRegistryContactInput, { description: 'Institution, registry and details.' }) input: AddRegistryContactInput,
  ): Promise<RegistryContact | Refused> {
    return addRegistryContact(ctx, input);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => RegistryContactResult, { description: "Changes a contact person's details (audited)." })
  updateRegistryContact(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The contact person.' }) id: string,
    @Arg('input', () => RegistryContactDetailsInput, { description: 'The new details.' }) input: RegistryContactDetailsInput,
  ): Promise<RegistryContact | Refused> {
    return updateRegistryContact(ctx, id, input);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => RegistryContactResult, { description: 'Removes a contact person (audited).' })
  removeRegistryContact(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The contact person.' }) id: string,
  ): Promise<RegistryContact | Refused> {
    return removeRegistryContact(ctx, id);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => AnnouncementResult, {
    description: 'Mails a message to every contact person of the registry and stores it with its recipients (hub staff; audited).',
  })
  sendAnnouncement(
    @Ctx() ctx: RequestContext,
    @Arg('registry', () => String, { description: 'Registry code.' }) registry: string,
    @Arg('subject', () => String, { description: 'Subject (1–200 characters).' }) subject: string,
    @Arg('body', () => String, { description: 'Message text (1–10,000 characters).' }) body: string,
  ): Promise<Announcement | Refused> {
    return sendAnnouncement(ctx, registry, subject, body);
  }

  @Authorized(Role.HUB_STAFF)
  @Query(() => AnnouncementConnection, { description: "What was sent to a registry's contact persons, and to whom; newest first (hub staff)." })
  announcements(
    @Ctx() ctx: RequestContext,
    @Arg('registry', () => String, { description: 'Registry code.' }) registry: string,
    @Args(() => ANNOUNCEMENT_PAGING.Args) page: PageArgs,
  ): Promise<Connection<Announcement>> {
    return listAnnouncements(ctx, registry, page);
  }

  @FieldResolver(() => Institution, { description: 'The institution the person works for.' })
  async institution(@Root() contact: RegistryContact, @Ctx() ctx: RequestContext): Promise<Institution> {
    const institution = await institutionLoaders(ctx).institutionById.load(contact.institution.id);
    if (!institution) throw new Error(`contact ${contact.id} has no institution`);
    return institution;
  }

  @FieldResolver(() => Registry, { description: 'The registry the person is the contact for.' })
  async registry(@Root() contact: RegistryContact, @Ctx() ctx: RequestContext): Promise<Registry> {
    const registry = await registryLoaders(ctx).registryById.load(contact.registry.id);
    if (!registry) throw new Error(`contact ${contact.id} has no registry`);
    return registry;
  }
}

@Resolver(() => Announcement)
export class AnnouncementResolver {
  @FieldResolver(() => Registry, { description: 'The registry whose contact persons it went to.' })
  async registry(@Root() announcement: Announcement, @Ctx() ctx: RequestContext): Promise<Registry> {
    const registry = await registryLoaders(ctx).registryById.load(announcement.registry.id);
    if (!registry) throw new Error(`announcement ${announcement.id} has no registry`);
    return registry;
  }
}
