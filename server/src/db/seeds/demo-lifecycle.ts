import type { EntityManager } from '@mikro-orm/postgresql';
import { AgreementKind, AgreementStatus, PER_REGISTRY } from '../../agreements/agreement-kind';
import { Agreement } from '../../agreements/agreement.entity';
import { RegistryContact } from '../../contacts/registry-contact.entity';
import { Institution } from '../../institutions/institution.entity';
import { Period } from '../../common/period';
import { Participation } from '../../participations/participation.entity';
import { ParticipationState as S } from '../../participations/participation-state';
import { ParticipationTransition } from '../../participations/participation-transition.entity';
import { Registry } from '../../registries/registry.entity';
import { SubDelivery } from '../../registries/sub-delivery.entity';

/** One demo participation on its way to production: where it stands and the steps that brought it there. */
interface DemoSignUp {
  institution: string;
  registry: string;
  subDelivery: string;
  start: string;
  steps: [S, string][];
  contact: { name: string; role: string; email: string };
  agreements: [AgreementKind, AgreementStatus][];
}

/**
 * The lifecycle in the demo (README, "Participation lifecycle"): Kankerinstituut Vondelpark is
 * TESTING for CAT with every agreement signed, and Oogziekenhuis Duinzicht has just signed up for
 * PMICD with the general agreements sent. Neither expects deliveries yet.
 */
const SIGN_UPS: DemoSignUp[] = [
  {
    institution: '23180120',
    registry: 'CAT',
    subDelivery: 'Cataract',
    start: '2026K3',
    steps: [
      [S.REQUESTED, '2026-09-01'],
      [S.AGREEMENTS_SENT, '2026-09-03'],
      [S.AGREEMENTS_SIGNED, '2026-09-20'],
      [S.ACCOUNTS_READY, '2026-09-25'],
      [S.TESTING, '2026-10-01'],
    ],
    contact: { name: 'Ruud Hoekstra', role: 'kwaliteitsfunctionaris', email: 'kwaliteit@vondelpark.test' },
    agreements: [
      [AgreementKind.GENERAL_SERVICE, AgreementStatus.SIGNED],
      [AgreementKind.PROCESSING, AgreementStatus.SIGNED],
      [AgreementKind.REGISTRY_SUPPLEMENT, AgreementStatus.SIGNED],
      [AgreementKind.DATA_PROTOCOL, AgreementStatus.SIGNED],
    ],
  },
  {
    institution: '22070112',
    registry: 'PMICD',
    subDelivery: 'PMICD',
    start: '2027K1',
    steps: [[S.REQUESTED, '2026-11-20']],
    contact: { name: 'Sanne Kramer', role: 'registratiecoördinator', email: 'registratie@duinzicht.test' },
    agreements: [
      [AgreementKind.GENERAL_SERVICE, AgreementStatus.SENT],
      [AgreementKind.PROCESSING, AgreementStatus.SENT],
    ],
  },
];

export async function seedDemoLifecycle(em: EntityManager): Promise<void> {
  for (const demo of SIGN_UPS) {
    const institution = await em.findOne(Institution, { code: demo.institution });
    const registry = await em.findOne(Registry, { code: demo.registry });
    const subDelivery = registry && (await em.findOne(SubDelivery, { registry: registry.id, code: demo.subDelivery }));
    if (!institution || !registry || !subDelivery || (await em.count(Participation, { institution: institution.id, subDelivery: subDelivery.id }))) continue;
    const start = Period.parse(demo.start);
    const [first] = demo.steps;
    const last = demo.steps[demo.steps.length - 1] ?? first;
    if (!first || !last) continue;
    const participation = em.create(Participation, {
      institution,
      subDelivery,
      startPeriod: start.code,
      startDate: start.startDate as string,
      state: last[0],
      createdAt: new Date(`${first[1]}T09:00:00Z`),
    });
    demo.steps.forEach(([state, day], index) =>
      em.create(ParticipationTransition, {
        participation,
        fromState: index === 0 ? null : (demo.steps[index - 1]?.[0] ?? null),
        toState: state,
        at: new Date(`${day}T09:00:00Z`),
        actorName: index === 0 ? 'Lokaal beheerder (demo)' : 'DHD-medewerker (demo)',
      }),
    );
    em.create(RegistryContact, { institution, registry, ...demo.contact });
    for (const [kind, status] of demo.agreements) {
      const perRegistry = PER_REGISTRY.includes(kind);
      if (!perRegistry && (await em.count(Agreement, { institution: institution.id, kind }))) continue;
      em.create(Agreement, {
        institution,
        registry: perRegistry ? registry : null,
        kind,
        status,
        sentOn: first[1],
        signedOn: status === AgreementStatus.SIGNED ? (demo.steps[2]?.[1] ?? null) : null,
      });
    }
  }
  await em.flush();
}
