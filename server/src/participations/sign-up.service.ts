import { Field, InputType, ObjectType } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { administersInstitution } from '../kernel/actor';
import { AuditEventType } from '../audit/audit-event.entity';
import { recordAudit, recordRefusal } from '../audit/audit.service';
import { Frequency, type Period } from '../common/period';
import { PeriodScalar } from '../common/scalars';
import { notFound, RefusalCode, type Refused, refuse } from '../kernel/refusal';
import { institutionByCode } from '../institutions/institution-by-code';
import { Channel } from '../registries/channel';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { NOTE_MAX } from './move.service';
import { Participation } from './participation.entity';
import { ParticipationState } from './participation-state';
import { RegistryContact } from '../contacts/registry-contact.entity';
import { recordCreation } from './transitions';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_CONTACTS = 10;

@InputType({ description: 'A contact person for the registry at the institution.' })
export class SignUpContactInput {
  @Field(() => String, { description: 'Name (1–200 characters).' })
  name!: string;

  @Field(() => String, { description: 'Role for the registry, e.g. "registratiecoördinator" (1–200 characters).' })
  role!: string;

  @Field(() => String, { description: 'E-mail address.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Phone number (up to 40 characters).' })
  phone?: string | null;
}

@InputType({ description: "An institution's sign-up (aanmelding) for a registry." })
export class SignUpInput {
  @Field(() => String, { description: '8-digit institution code: your own as local administrator; any as hub staff.' })
  institutionCode!: string;

  @Field(() => String, { description: 'Registry code, e.g. `CAT`.' })
  registry!: string;

  @Field(() => [String], { defaultValue: [], description: 'Sub-delivery codes to take part in; empty: every sub-delivery of the registry.' })
  subDeliveries!: string[];

  @Field(() => [SignUpContactInput], { description: 'Contact persons for the registry (1 to 10).' })
  contacts!: SignUpContactInput[];

  @Field(() => Channel, { defaultValue: Channel.PORTAL, description: 'The channel asked for; the registry must accept it.' })
  channel: Channel = Channel.PORTAL;

  @Field(() => PeriodScalar, { description: 'The desired start period (not TOTAAL).' })
  startPeriod!: Period;

  @Field(() => String, { nullable: true, description: 'Anything hub staff should know (up to 1000 characters).' })
  note?: string | null;
}

@ObjectType({ description: 'A sign-up as stored: one participation per sub-delivery, REQUESTED, and the contact persons.' })
export class SignUp {
  @Field(() => [Participation], { description: 'The participations made (REQUESTED).' })
  participations!: Participation[];

  @Field(() => [RegistryContact], { description: "The contact persons as stored: the institution's contact persons for the registry." })
  contacts!: RegistryContact[];
}

function contactsProblem(contacts: SignUpContactInput[]): boolean {
  if (contacts.length < 1 || contacts.length > MAX_CONTACTS) return true;
  return contacts.some(
    (contact) =>
      !contact.name.trim() ||
      contact.name.length > 200 ||
      !contact.role.trim() ||
      contact.role.length > 200 ||
      !EMAIL.test(contact.email.trim()) ||
      contact.email.length > 320 ||
      (contact.phone?.length ?? 0) > 40,
  );
}

/**
 * A local administrator signs their institution up for a registry (or hub staff do it for them):
 * one REQUESTED participation per sub-delivery, with the channel asked for and the desired start
 * period, and the contact persons. An ENDED participation of the same sub-delivery starts again
 * (its history stays); one that has not ended is refused. Audited with the rows.
 */
export async function signUpForRegistry(ctx: RequestContext, input: SignUpInput): Promise<SignUp | Refused> {
  const language = ctx.actor.language;
  const institution = await institutionByCode(ctx.em, input.institutionCode, (id) => administersInstitution(ctx.actor, id));
  if (!institution) {
    await recordRefusal(ctx, { action: 'signUpForRegistry', objectType: 'Institution', objectId: input.institutionCode });
    return notFound(language, 'institution');
  }
  if (!institution.active) {
    return refuse(language, RefusalCode.INSTITUTION_INACTIVE, { params: { name: institution.name, code: institution.code }, field: 'institutionCode' });
  }
  if (input.startPeriod.kind === Frequency.TOTAL) return refuse(language, RefusalCode.NO_TOTAL_PERIOD, { field: 'startPeriod' });
  if (contactsProblem(input.contacts)) return refuse(language, RefusalCode.CONTACT_REQUIRED, { field: 'contacts' });
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX) return refuse(language, RefusalCode.NOTE_TOO_LONG, { field: 'note' });
  return ctx.em.transactional(async (tx) => {
    const registry = await tx.findOne(Registry, { code: input.registry });
    if (!registry) return refuse(language, RefusalCode.UNKNOWN_REGISTRY, { params: { registry: input.registry }, field: 'registry' });
    if (!registry.acceptedChannels.includes(input.channel))
      return refuse(language, RefusalCode.CHANNEL_NOT_ACCEPTED, { params: { registry: registry.code, channel: input.channel }, field: 'channel' });
    const all = await tx.find(SubDelivery, { registry: registry.id }, { orderBy: { code: 'asc' } });
    const wanted = input.subDeliveries?.length ? input.subDeliveries : all.map((subDelivery) => subDelivery.code);
    const subDeliveries = [];
    for (const code of new Set(wanted)) {
      const subDelivery = all.find((candidate) => candidate.code === code);
      if (!subDelivery) return refuse(language, RefusalCode.UNKNOWN_STREAM, { params: { registry: registry.code, subDelivery: code }, field: 'subDeliveries' });
      subDeliveries.push(subDelivery);
    }
    const now = ctx.services.clock.now();
    const participations: Participation[] = [];
    for (const subDelivery of subDeliveries) {
      const existing = await tx.findOne(Participation, { institution: institution.id, subDelivery: subDelivery.id });
      if (existing && existing.state !== ParticipationState.ENDED)
        return refuse(language, RefusalCode.ALREADY_PARTICIPATING, { params: { subDelivery: `${registry.code}/${subDelivery.code}` }, field: 'subDeliveries' });
      const values = {
        startPeriod: input.startPeriod.code,
        startDate: input.startPeriod.startDate as string,
        endPeriod: null,
        endDate: null,
        channel: input.channel,
        state: ParticipationState.REQUESTED,
      };
      const participation = existing ? Object.assign(existing, values) : tx.create(Participation, { institution, subDelivery, ...values });
      recordCreation(tx, ctx.actor, participation, now, note);
      participations.push(participation);
    }
    const contacts = input.contacts.map((contact) =>
      tx.create(RegistryContact, {
        institution,
        registry,
        name: contact.name.trim(),
        role: contact.role.trim(),
        email: contact.email.trim(),
        phone: contact.phone?.trim() || null,
        createdAt: now,
      }),
    );
    await tx.flush();
    for (const participation of participations)
      await recordAudit(tx, ctx.actor, {
        event: AuditEventType.CREATE,
        action: 'signUpForRegistry',
        objectType: 'Participation',
        objectId: participation.id,
        institutionId: institution.id,
        detail: `${registry.code}/${participation.subDelivery.getEntity().code} from ${participation.startPeriod} ${participation.channel} REQUESTED; ${contacts.length} contact(s)`,
      });
    return { participations, contacts };
  });
}
