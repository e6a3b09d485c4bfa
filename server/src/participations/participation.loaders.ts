import DataLoader from 'dataloader';
import { requestLoaders } from '../kernel/loaders';
import { groupByKey } from '../common/group-by';
import { ParticipationVendorChange } from './participation-vendor-change.entity';
import { RegistryContact } from '../contacts/registry-contact.entity';

export const participationLoaders = requestLoaders((em) => ({
  vendorChangesByParticipation: new DataLoader<string, ParticipationVendorChange[]>(async (ids) => {
    const changes = await em.find(ParticipationVendorChange, { participation: { $in: [...ids] } }, { orderBy: { changedOn: 'asc', recordedAt: 'asc' } });
    return groupByKey(ids, changes, (change) => change.participation.id);
  }),
  /** Keyed `institutionId/registryId`. */
  contactsByInstitutionRegistry: new DataLoader<string, RegistryContact[]>(async (keys) => {
    const pairs = keys.map((key) => key.split('/') as [string, string]);
    const contacts = await em.find(
      RegistryContact,
      { $or: pairs.map(([institution, registry]) => ({ institution, registry })) },
      { orderBy: { createdAt: 'asc', name: 'asc' } },
    );
    return groupByKey(keys, contacts, (contact) => `${contact.institution.id}/${contact.registry.id}`);
  }),
}));
