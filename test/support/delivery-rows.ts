import { randomUUID } from 'node:crypto';
import { organisationOfInstitution } from '../../server/src/access/organisation.service';
import { Role } from '../../server/src/kernel/role';
import { RoleAssignment } from '../../server/src/access/role-assignment.entity';
import { User } from '../../server/src/access/user.entity';
import { DeliveryStatus } from '../../server/src/deliveries/delivery-status';
import { Delivery } from '../../server/src/deliveries/delivery.entity';
import { DictionaryVersion } from '../../server/src/dictionaries/dictionary-version.entity';
import { Institution, InstitutionType } from '../../server/src/institutions/institution.entity';
import { InstitutionUnit } from '../../server/src/institutions/institution-unit.entity';
import { Channel } from '../../server/src/registries/channel';
import { Registry } from '../../server/src/registries/registry.entity';
import { SubDelivery } from '../../server/src/registries/sub-delivery.entity';
import { Participation } from '../../server/src/participations/participation.entity';
import { ParticipationState } from '../../server/src/participations/participation-state';
import { Period } from '../../server/src/common/period';
import type { TestServer } from './server';

/**
 * Rows as the delivery flow leaves them, made directly with the ORM: the overview rules need
 * deliveries with exact statuses and dates, not the upload and processing that produce them.
 */

let nextCode = 90_000_000 + Math.floor(Math.random() * 9_000_000);

/** A fresh institution with a unique 8-digit code, so a test's expectations are its own. */
export async function createInstitution(server: TestServer, name = 'Testziekenhuis'): Promise<string> {
  const em = server.datahub.orm.em.fork();
  const code = String(nextCode++);
  const institution = em.create(Institution, { code, name: `${name} ${code}`, type: InstitutionType.GENERAL, active: true });
  // Unit 0 (the institution as a whole), as createInstitution makes it: a shared server's institution list expects it.
  em.create(InstitutionUnit, { institution, number: 0, name: 'Hoofdlocatie' });
  await em.flush();
  return code;
}

async function stream(server: TestServer, registryCode: string, subDeliveryCode: string) {
  const em = server.datahub.orm.em.fork();
  const registry = await em.findOneOrFail(Registry, { code: registryCode });
  const subDelivery = await em.findOneOrFail(SubDelivery, { registry: registry.id, code: subDeliveryCode });
  return { em, registry, subDelivery };
}

export interface ParticipationSpec {
  institution: string;
  registry: string;
  subDelivery: string;
  start: string;
  end?: string;
  /** false: ENDED (without an end period nothing is expected); otherwise PRODUCTION. */
  active?: boolean;
}

export async function participate(server: TestServer, spec: ParticipationSpec): Promise<void> {
  const { em, subDelivery } = await stream(server, spec.registry, spec.subDelivery);
  const institution = await em.findOneOrFail(Institution, { code: spec.institution });
  const start = Period.parse(spec.start);
  const end = spec.end ? Period.parse(spec.end) : null;
  em.create(Participation, {
    institution,
    subDelivery,
    startPeriod: start.code,
    startDate: start.startDate as string,
    endPeriod: end?.code ?? null,
    endDate: end?.endDate ?? null,
    state: spec.active === false ? ParticipationState.ENDED : ParticipationState.PRODUCTION,
  });
  await em.flush();
}

export interface DeliverySpec {
  institution: string;
  registry: string;
  subDelivery: string;
  period: string;
  /** Delivery date (Europe/Amsterdam), `YYYY-MM-DD`. */
  on: string;
  status: DeliveryStatus;
  test?: boolean;
  unit?: number;
  recordCount?: number;
  /** Defaults to noon UTC of `on`; a later delivery on the same day needs a later time. */
  at?: Date;
  /** F, BF and TF lines of the report (default 0). */
  errorCount?: number;
}

/** One delivery row as the flow stores it; returns its id. */
export async function deliver(server: TestServer, spec: DeliverySpec): Promise<string> {
  const { em, subDelivery } = await stream(server, spec.registry, spec.subDelivery);
  const institution = await em.findOneOrFail(Institution, { code: spec.institution });
  const version = await em.findOneOrFail(DictionaryVersion, { subDelivery: subDelivery.id }, { orderBy: { acceptedFrom: 'desc' } });
  const id = randomUUID();
  const records = spec.recordCount ?? 100;
  em.create(Delivery, {
    id,
    institution,
    unit: spec.unit ?? 0,
    subDelivery,
    dictionaryVersion: version,
    period: spec.period,
    test: spec.test ?? false,
    channel: Channel.PORTAL,
    status: spec.status,
    fileName: `${spec.institution}_0_${spec.registry}_${version.version}_1_${spec.on.replace(/-/g, '')}_${spec.test ? 'TEST' : 'PROD'}.csv`,
    fileNameConforming: true,
    size: '1000',
    sha256: 'a'.repeat(64),
    storageKey: `test/${id}`,
    deliveredAt: spec.at ?? new Date(`${spec.on}T12:00:00Z`),
    deliveryDate: spec.on,
    recordCount: records,
    acceptedCount: records,
    errorCount: spec.errorCount ?? 0,
  });
  await em.flush();
  return id;
}

/** An active user of the institution with one role (SUBMITTER/VIEWER: for the registry given); returns the e-mail address. */
export async function createInstitutionUser(server: TestServer, institutionCode: string, role: Role, registryCode?: string, language = 'nl'): Promise<string> {
  const em = server.datahub.orm.em.fork();
  const institution = await em.findOneOrFail(Institution, { code: institutionCode });
  const organisation = await organisationOfInstitution(em, institution);
  const email = `${role.toLowerCase()}.${randomUUID().slice(0, 8)}@i${institutionCode}.test`;
  const user = em.create(User, { email, name: `Test ${role}`, organisation, passwordHash: null, language });
  const registry = registryCode ? await em.findOneOrFail(Registry, { code: registryCode }) : null;
  em.create(RoleAssignment, { user, role, institution, registry });
  await em.flush();
  return email;
}

export { DeliveryStatus };
