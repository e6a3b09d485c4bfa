import DataLoader from 'dataloader';
import { requestLoaders } from '../kernel/loaders';
import { indexByKey } from '../common/group-by';
import { ApiToken } from '../access/api-token.entity';
import { User } from '../access/user.entity';
import { Authorisation } from './authorisation.entity';
import { ProcessorLink } from './processor-link.entity';

export const authorisationLoaders = requestLoaders((em) => ({
  linkById: new DataLoader<string, ProcessorLink | null>(async (ids) =>
    indexByKey(ids, await em.find(ProcessorLink, { id: { $in: [...ids] } }), (row) => row.id),
  ),
  authorisationById: new DataLoader<string, Authorisation | null>(async (ids) =>
    indexByKey(ids, await em.find(Authorisation, { id: { $in: [...ids] } }), (row) => row.id),
  ),
  /** Who fetched: a processor's user or API token, by id (afnames name them by id only). */
  userById: new DataLoader<string, User | null>(async (ids) => indexByKey(ids, await em.find(User, { id: { $in: [...ids] } }), (row) => row.id)),
  tokenById: new DataLoader<string, ApiToken | null>(async (ids) => indexByKey(ids, await em.find(ApiToken, { id: { $in: [...ids] } }), (row) => row.id)),
}));
