import { Field, InputType } from 'type-graphql';
import { InstitutionType } from './institution.entity';

@InputType({ description: 'A new institution (hub staff).' })
export class CreateInstitutionInput {
  @Field(() => String, { description: 'The 8-digit institution code (instellingscode); unique, never changed afterwards.' })
  code!: string;

  @Field(() => String, { description: 'Name as users know it (1–200 characters).' })
  name!: string;

  @Field(() => InstitutionType, { description: 'Kind of institution.' })
  type!: InstitutionType;

  @Field(() => String, { nullable: true, description: 'Place (vestigingsplaats), up to 100 characters.' })
  place?: string | null;
}

@InputType({ description: 'Changes to an institution; fields left out stay as they are.' })
export class UpdateInstitutionInput {
  @Field(() => String, { nullable: true, description: 'New name (1–200 characters).' })
  name?: string | null;

  @Field(() => InstitutionType, { nullable: true, description: 'New kind.' })
  type?: InstitutionType | null;

  @Field(() => String, { nullable: true, description: 'New place, up to 100 characters; an empty text clears it.' })
  place?: string | null;
}
