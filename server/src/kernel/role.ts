import { registerEnumType } from 'type-graphql';

/** Roles are held per user and scoped (issue 3); the scope each needs is in ROLE_SCOPE. */
export enum Role {
  HUB_STAFF = 'HUB_STAFF',
  LOCAL_ADMIN = 'LOCAL_ADMIN',
  SUBMITTER = 'SUBMITTER',
  VIEWER = 'VIEWER',
  PROCESSOR = 'PROCESSOR',
  REQUESTER = 'REQUESTER',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do, within the scope of the role assignment.',
  valuesConfig: {
    HUB_STAFF: { description: 'Hub staff (DHD-medewerker): onboarding, dictionaries, schedules, data requests, completeness; hub-wide.' },
    LOCAL_ADMIN: { description: 'Local administrator (lokaal beheerder) of one institution: its users, their access, processor authorisations.' },
    SUBMITTER: { description: 'Submitter (aanleveraar) of one institution for chosen registries or sub-deliveries: uploads, reads reports.' },
    VIEWER: { description: 'Viewer of one institution for chosen registries: reads overviews and reports, cannot upload.' },
    PROCESSOR: { description: 'User of a processor organisation (verwerker): receives authorised data only.' },
    REQUESTER: { description: 'User of a requester organisation (verzoeker): its own data requests only.' },
  },
});

export type RoleScope = 'HUB' | 'INSTITUTION' | 'INSTITUTION_REGISTRY' | 'ORGANISATION';

export const ROLE_SCOPE: Record<Role, RoleScope> = {
  [Role.HUB_STAFF]: 'HUB',
  [Role.LOCAL_ADMIN]: 'INSTITUTION',
  [Role.SUBMITTER]: 'INSTITUTION_REGISTRY',
  [Role.VIEWER]: 'INSTITUTION_REGISTRY',
  [Role.PROCESSOR]: 'ORGANISATION',
  [Role.REQUESTER]: 'ORGANISATION',
};
