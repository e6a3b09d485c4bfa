import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../common/scalars';
import { AgreementKind, AgreementStatus } from './agreement-kind';

@InputType({ description: "An institution's agreement; an existing one of the same kind (and registry) is updated." })
export class RecordAgreementInput {
  @Field(() => String, { description: '8-digit institution code.' })
  institutionCode!: string;

  @Field(() => AgreementKind, { description: 'Which agreement.' })
  kind!: AgreementKind;

  @Field(() => String, { nullable: true, description: 'Registry code (e.g. `CAT`) for REGISTRY_SUPPLEMENT and DATA_PROTOCOL; null for the other kinds.' })
  registry?: string | null;

  @Field(() => AgreementStatus, { defaultValue: AgreementStatus.TO_SEND, description: 'Where it stands.' })
  status: AgreementStatus = AgreementStatus.TO_SEND;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was sent.' })
  sentOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When it was signed.' })
  signedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day it is valid; null: no end.' })
  expiresOn?: string | null;
}

@InputType({ description: 'A new status for an agreement, with the day it happened.' })
export class SetAgreementStatusInput {
  @Field(() => ID, { description: 'The agreement.' })
  agreementId!: string;

  @Field(() => AgreementStatus, { description: 'The new status.' })
  status!: AgreementStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'For SENT the sent date, for SIGNED the signed date; default today (Europe/Amsterdam).' })
  on?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day it is valid (kept when not given).' })
  expiresOn?: string | null;
}

export { AgreementKind, AgreementStatus };
