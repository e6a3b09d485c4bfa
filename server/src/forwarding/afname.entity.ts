import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * An afname: one fetch of held records by a processor, recorded when the stream ends. Which
 * versions were handed over is one int8multirange of `held_record.version_seq` values
 * (`versionSeqs`): a bulk merge draws those values in runs, so a million-record fetch is a handful
 * of ranges (bytes, not rows), and lineage stays exact: `version_seqs @> version_seq`.
 * No foreign keys: the organisation, user, token and authorisation are named by id only, and an
 * afname outlives them (it is evidence).
 */
@Entity({ tableName: 'afname' })
@Index({ name: 'afname_fetched_at_index', properties: ['fetchedAt', 'id'] })
@Index({ name: 'afname_institution_ids_index', expression: `create index "afname_institution_ids_index" on "afname" using gin ("institution_ids")` })
export class Afname {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime' })
  fetchedAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  organisationId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  userId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  tokenId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  authorisationId?: string | null;

  @Property({ type: 'uuid' })
  registryId!: string;

  @Property({ type: 'uuid', nullable: true })
  subDeliveryId?: string | null;

  @Property({ columnType: 'uuid[]', type: 'string[]' })
  institutionIds!: string[];

  @Property({ type: 'text', nullable: true })
  periodFrom?: string | null;

  @Property({ type: 'text', nullable: true })
  periodTo?: string | null;

  @Property({ columnType: 'text[]', type: 'string[]' })
  fields!: string[];

  /** csv or ndjson. */
  @Property({ type: 'text' })
  format!: string;

  /** The cursor's position for an incremental fetch (changes after it); null for a full fetch. */
  @Property({ type: 'bigint', nullable: true })
  sinceSeq?: string | null;

  /** The change sequence the fetch read up to: its next cursor. */
  @Property({ type: 'bigint' })
  untilSeq!: string;

  @Property({ type: 'integer' })
  recordCount!: number;

  @Property({ type: 'integer' })
  withdrawnCount!: number;

  /** False when the client went away before the end: the versions are those actually written. */
  @Property({ type: 'boolean' })
  complete!: boolean;

  @Property({ columnType: 'int8multirange', type: 'string', lazy: true })
  versionSeqs!: string;
}
