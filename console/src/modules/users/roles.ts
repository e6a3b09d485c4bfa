import type { Role } from '../../graphql/generated/graphql';

/** Roles a local administrator hands out within an institution. */
export const institutionRoles: Role[] = ['LOCAL_ADMIN', 'SUBMITTER', 'VIEWER'];

/** SUBMITTER and VIEWER are held per registry (the server's ROLE_SCOPE: INSTITUTION_REGISTRY). */
export function needsRegistries(role: Role | null): boolean {
  return role === 'SUBMITTER' || role === 'VIEWER';
}

/** A refusal's `field` mapped to the form item that shows it; null: shown above the form. */
export type ScopeField = 'email' | 'name' | 'role' | 'registryCodes';

export function formFieldOf(field: string | null | undefined): ScopeField | null {
  if (field === 'subDeliveryCode') return 'registryCodes';
  return field === 'email' || field === 'name' || field === 'role' || field === 'registryCodes' ? field : null;
}
