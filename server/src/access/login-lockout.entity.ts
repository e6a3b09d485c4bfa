import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Failed logins per e-mail address, whether an account has that address or not: an unknown address
 * locks exactly like a known one, so the lock tells nobody which accounts exist. The address is kept
 * only as a keyed digest (ServerKeys.lookup of the normalised address), never in clear.
 */
@Entity({ tableName: 'login_lockout' })
@Index({ properties: ['lastFailureAt'] })
export class LoginLockout {
  /** HMAC-SHA256 of the normalised e-mail address, hex. */
  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  /** Failures since the last successful login (or since the counter was forgotten). */
  @Property({ type: 'integer' })
  failures!: number;

  @Property({ type: 'datetime' })
  lastFailureAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  lockedUntil?: Date | null;
}
