import { randomUUID } from 'node:crypto';
import { Check, Collection, Entity, Enum, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { InstitutionUnit } from './institution-unit.entity';

export enum InstitutionType {
  UMC = 'UMC',
  GENERAL = 'GENERAL',
  CATEGORICAL = 'CATEGORICAL',
  INDEPENDENT_TREATMENT_CENTRE = 'INDEPENDENT_TREATMENT_CENTRE',
  OTHER = 'OTHER',
}

registerEnumType(InstitutionType, {
  name: 'InstitutionType',
  description: 'Kind of institution.',
  valuesConfig: {
    UMC: { description: 'University medical centre (umc).' },
    GENERAL: { description: 'General hospital (algemeen ziekenhuis).' },
    CATEGORICAL: { description: 'Categorical institution (categorale instelling), e.g. an eye or cancer hospital.' },
    INDEPENDENT_TREATMENT_CENTRE: { description: 'Independent treatment centre (zelfstandig behandelcentrum, ZBC).' },
    OTHER: { description: 'Any other kind of institution that delivers to registries.' },
  },
});

@ObjectType({ description: 'A healthcare institution (zorginstelling) that delivers data to registries.' })
@Check({ name: 'institution_code_8_digits', expression: "code ~ '^[0-9]{8}$'" })
@Entity({ tableName: 'institution' })
export class Institution {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String, { description: 'The 8-digit institution code (instellingscode), e.g. `11111111`.' })
  @Property({ type: 'string', length: 8, unique: true })
  code!: string;

  @Field(() => String, { description: 'The institution name as users know it.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => InstitutionType, { description: 'Kind of institution.' })
  @Enum({ items: () => InstitutionType, type: 'string' })
  type!: InstitutionType;

  @Field(() => String, { nullable: true, description: 'Place (vestigingsplaats) of the institution, e.g. `Zuidermeer`.' })
  @Property({ type: 'string', length: 100, nullable: true })
  place?: string | null;

  @Field(() => Boolean, { description: 'False once the institution no longer delivers (closed or merged).' })
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Field(() => Date, { nullable: true, description: 'When hub staff deactivated it (UTC); null while active.' })
  @Property({ type: 'datetime', nullable: true })
  deactivatedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was deactivated (up to 500 characters); null while active.' })
  @Property({ type: 'string', length: 500, nullable: true })
  deactivationReason?: string | null;

  @OneToMany(() => InstitutionUnit, (unit) => unit.institution)
  units = new Collection<InstitutionUnit>(this);
}
