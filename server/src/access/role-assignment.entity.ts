import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Institution } from '../institutions/institution.entity';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { Organisation } from './organisation.entity';
import { Role } from '../kernel/role';
import { User } from './user.entity';

/**
 * One role a user holds, with its scope: an institution (LOCAL_ADMIN), an institution and a
 * registry or one of its sub-deliveries (SUBMITTER, VIEWER), an organisation (PROCESSOR,
 * REQUESTER) or nothing (HUB_STAFF). A submitter for two registries holds two assignments.
 */
@ObjectType({ description: 'A role a user holds, with its scope.' })
@Entity({ tableName: 'role_assignment' })
export class RoleAssignment {
  [OptionalProps]?: 'grantedAt';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Field(() => Role, { description: 'The role.' })
  @Enum({ items: () => Role, type: 'string' })
  role!: Role;

  @ManyToOne(() => Institution, { ref: true, nullable: true, deleteRule: 'cascade' })
  institution?: Ref<Institution> | null;

  @ManyToOne(() => Registry, { ref: true, nullable: true, deleteRule: 'cascade' })
  registry?: Ref<Registry> | null;

  @ManyToOne(() => SubDelivery, { ref: true, nullable: true, deleteRule: 'cascade' })
  subDelivery?: Ref<SubDelivery> | null;

  @ManyToOne(() => Organisation, { ref: true, nullable: true, deleteRule: 'cascade' })
  organisation?: Ref<Organisation> | null;

  @Property({ type: 'datetime' })
  grantedAt: Date = new Date();
}
