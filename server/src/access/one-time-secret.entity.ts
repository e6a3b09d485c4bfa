import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Session } from './session.entity';
import { User } from './user.entity';

export enum OneTimeSecretPurpose {
  /** A 6-digit login code sent by mail: valid 10 minutes, single use, bound to one session. */
  EMAIL_CODE = 'EMAIL_CODE',
  /** A password reset link: valid 1 hour, single use. */
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/** Mailed codes and links: only their SHA-256 is stored; used or expired ones are never accepted. */
@Entity({ tableName: 'one_time_secret' })
export class OneTimeSecret {
  [OptionalProps]?: 'attempts';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => OneTimeSecretPurpose, type: 'string' })
  purpose!: OneTimeSecretPurpose;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => Session, { ref: true, nullable: true, deleteRule: 'cascade' })
  session?: Ref<Session> | null;

  @Property({ type: 'string', length: 64 })
  secretHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'integer' })
  attempts: number = 0;
}
