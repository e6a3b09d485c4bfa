import { Announcement } from './announcement.entity';
import { AnnouncementResolver, RegistryContactResolver } from './contact.resolver';
import { RegistryContact } from './registry-contact.entity';

/** Registry contact persons and announcements: the app wires this module through these exports only. */
export const contactResolvers = [RegistryContactResolver, AnnouncementResolver] as const;

export const contactEntities = [RegistryContact, Announcement] as const;
