import { ApiToken } from './api-token.entity';
import { Invitation } from './invitation.entity';
import { Organisation } from './organisation.entity';
import { User } from './user.entity';
import { type Connection, connectionTypes, definePaging } from '../common/pagination';

/** The access lists' pages; their totalCount is one count over an organisation's or institution's own rows. */
export type CountedPage<T> = Connection<T> & { totalCount: number };

/** People by name, the id deciding between namesakes. */
export const USER_PAGING = definePaging({
  tag: 'users',
  keys: [
    { column: 'e.name', type: 'text' },
    { column: 'e.id', type: 'uuid' },
  ],
  defaultSize: 50,
  maxSize: 200,
});
export const INVITATION_PAGING = definePaging({
  tag: 'invitations',
  keys: [
    { column: 'e.created_at', type: 'timestamptz', desc: true },
    { column: 'e.id', type: 'uuid', desc: true },
  ],
  defaultSize: 50,
  maxSize: 200,
});
export const API_TOKEN_PAGING = definePaging({
  tag: 'apiTokens',
  keys: [
    { column: 'e.created_at', type: 'timestamptz', desc: true },
    { column: 'e.id', type: 'uuid', desc: true },
  ],
  defaultSize: 50,
  maxSize: 200,
});
export const ORGANISATION_PAGING = definePaging({
  tag: 'organisations',
  keys: [
    { column: 'e.name', type: 'text' },
    { column: 'e.id', type: 'uuid' },
  ],
  defaultSize: 50,
  maxSize: 200,
});

const CHEAP = "counted per request over this organisation's or institution's own rows (tens to hundreds).";

export const { Connection: UserConnection } = connectionTypes(() => User, {
  name: 'User',
  description: 'A page of people, by name.',
  totalCount: `How many in all; ${CHEAP}`,
});
export const { Connection: InvitationConnection } = connectionTypes(() => Invitation, {
  name: 'Invitation',
  description: 'A page of invitations, newest first.',
  totalCount: `How many in all; ${CHEAP}`,
});
export const { Connection: ApiTokenConnection } = connectionTypes(() => ApiToken, {
  name: 'ApiToken',
  description: 'A page of API tokens, newest first.',
  totalCount: `How many in all; ${CHEAP}`,
});
export const { Connection: OrganisationConnection } = connectionTypes(() => Organisation, {
  name: 'Organisation',
  description: 'A page of organisations, by name.',
  totalCount: 'How many in all; counted per request (the hub, the institutions and some processors and requesters: hundreds).',
});
