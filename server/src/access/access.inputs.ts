import { Field, ID, InputType, Int } from 'type-graphql';
import { Role } from '../kernel/role';

@InputType({ description: 'A role with its scope. Which fields are needed depends on the role (see `Role`).' })
export class RoleScopeInput {
  @Field(() => Role, { description: 'The role to grant.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'LOCAL_ADMIN, SUBMITTER, VIEWER: the 8-digit institution code.' })
  institutionCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'SUBMITTER, VIEWER: one or more registry codes (one grant each).' })
  registryCodes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'SUBMITTER, VIEWER: narrow to one sub-delivery of the single registry given.' })
  subDeliveryCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'PROCESSOR, REQUESTER: the organisation.' })
  organisationId?: string | null;
}

@InputType({ description: 'Whom to invite, for which role.' })
export class InviteUserInput extends RoleScopeInput {
  @Field(() => String, { description: 'E-mail address; the invitation link goes there.' })
  email!: string;

  @Field(() => String, { description: 'Name of the person (up to 200 characters).' })
  name!: string;
}

@InputType({ description: 'A new API token.' })
export class CreateApiTokenInput {
  @Field(() => String, { description: 'A name to recognise it by (up to 100 characters).' })
  name!: string;

  @Field(() => Int, { description: 'Days until it expires (1–365).' })
  days!: number;

  @Field(() => ID, { nullable: true, description: 'Hub staff only: make it for this processor organisation instead of yourself.' })
  organisationId?: string | null;
}
