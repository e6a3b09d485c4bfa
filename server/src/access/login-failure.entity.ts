import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Failed logins per address, for the per-address back-off (per-account counts live on the user). */
@Entity({ tableName: 'login_failure' })
@Index({ properties: ['address', 'at'] })
export class LoginFailure {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 64 })
  address!: string;

  @Property({ type: 'datetime' })
  at!: Date;
}
