import type { EntityManager } from '@mikro-orm/postgresql';
import { Organisation, OrganisationKind } from '../../access/organisation.entity';
import { hubOrganisation, organisationOfInstitution } from '../../access/organisation.service';
import { hashPassword } from '../../access/password';
import { Role } from '../../kernel/role';
import { RoleAssignment } from '../../access/role-assignment.entity';
import { User } from '../../access/user.entity';
import { Institution } from '../../institutions/institution.entity';
import { Registry } from '../../registries/registry.entity';

/** Documented in the README; for demonstrations only (DATAHUB_DEMO=0 in production). */
export const DEMO_PASSWORD = 'Demo-wachtwoord-2026';

interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  institutionCode?: string;
  registryCodes?: string[];
  organisation?: { kind: OrganisationKind.PROCESSOR | OrganisationKind.REQUESTER; name: string };
}

export const demoAccounts: DemoAccount[] = [
  { email: 'hub@datahub.test', name: 'Hanna de Hub', role: Role.HUB_STAFF },
  { email: 'beheer@zuidermeer.test', name: 'Bram Beheer', role: Role.LOCAL_ADMIN, institutionCode: '11111111' },
  { email: 'aanlever@zuidermeer.test', name: 'Anna Aanlever', role: Role.SUBMITTER, institutionCode: '11111111', registryCodes: ['CAT', 'MMY'] },
  { email: 'inzage@zuidermeer.test', name: 'Ivo Inzage', role: Role.VIEWER, institutionCode: '11111111', registryCodes: ['PMICD'] },
  { email: 'beheer@maasdal.test', name: 'Mila Maasdal', role: Role.LOCAL_ADMIN, institutionCode: '15330041' },
  // The eye hospital delivers CAT through the entry portal: its ophthalmologist enters operations by hand.
  { email: 'arts@duinzicht.test', name: 'Daan Oogarts', role: Role.SUBMITTER, institutionCode: '22070112', registryCodes: ['CAT'] },
  {
    email: 'verwerker@nhr.test',
    name: 'Victor Verwerker',
    role: Role.PROCESSOR,
    organisation: { kind: OrganisationKind.PROCESSOR, name: 'NHR Analysebureau' },
  },
  {
    email: 'verzoeker@onderzoek.test',
    name: 'Vera Verzoeker',
    role: Role.REQUESTER,
    organisation: { kind: OrganisationKind.REQUESTER, name: 'Onderzoeksbureau Zorginzicht' },
  },
];

async function namedOrganisation(em: EntityManager, spec: NonNullable<DemoAccount['organisation']>): Promise<Organisation> {
  return (await em.findOne(Organisation, { name: spec.name })) ?? em.create(Organisation, spec);
}

async function addAccount(em: EntityManager, account: DemoAccount, passwordHash: string): Promise<void> {
  if (await em.count(User, { email: account.email })) return;
  const institution = account.institutionCode ? await em.findOneOrFail(Institution, { code: account.institutionCode }) : null;
  const organisation = institution
    ? await organisationOfInstitution(em, institution)
    : account.organisation
      ? await namedOrganisation(em, account.organisation)
      : await hubOrganisation(em);
  const user = em.create(User, { email: account.email, name: account.name, organisation, passwordHash });
  const registries = account.registryCodes ? await em.find(Registry, { code: { $in: account.registryCodes } }) : [null];
  for (const registry of registries) {
    em.create(RoleAssignment, {
      user,
      role: account.role,
      institution,
      registry,
      organisation: account.organisation ? organisation : null,
    });
  }
}

/**
 * One account per role (README table), plus a local administrator for every demo institution without a named one,
 * so that each has at least one (issue 3). All share DEMO_PASSWORD and set up their second factor at
 * first login (or use the mailed code from the outbox).
 */
export async function seedDemoAccounts(em: EntityManager): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of demoAccounts) await addAccount(em, account, passwordHash);
  const named = new Set(demoAccounts.filter((account) => account.role === Role.LOCAL_ADMIN).map((account) => account.institutionCode));
  for (const institution of await em.find(Institution, { active: true })) {
    if (named.has(institution.code)) continue;
    await addAccount(
      em,
      { email: `beheer.${institution.code}@datahub.test`, name: `Beheerder ${institution.name}`, role: Role.LOCAL_ADMIN, institutionCode: institution.code },
      passwordHash,
    );
  }
  await em.flush();
}
