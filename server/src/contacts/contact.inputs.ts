import { Field, InputType } from 'type-graphql';

@InputType({ description: 'The details of a registry contact person.' })
export class RegistryContactDetailsInput {
  @Field(() => String, { description: 'Full name (1–200 characters).' })
  name!: string;

  @Field(() => String, { description: 'Role or function for the registry (1–200 characters).' })
  role!: string;

  @Field(() => String, { description: 'E-mail address.' })
  email!: string;

  @Field(() => String, { nullable: true, description: 'Phone number (at most 40 characters).' })
  phone?: string | null;
}

@InputType({ description: 'A new contact person of an institution for a registry.' })
export class AddRegistryContactInput extends RegistryContactDetailsInput {
  @Field(() => String, { description: '8-digit institution code.' })
  institutionCode!: string;

  @Field(() => String, { description: 'Registry code, e.g. `CAT`.' })
  registry!: string;
}
