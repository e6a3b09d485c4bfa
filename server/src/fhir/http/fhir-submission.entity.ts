import { Entity, OneToOne, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Delivery } from '../../deliveries/delivery.entity';

/**
 * What a FHIR delivery keeps beside its CSV for the outcome at `$deliver-status`: the element paths
 * the mapping did not read and that were discarded (paths only, never values), and where the record
 * locators are: per record where its resources stood (`Bundle.entry[3].resource`, `line 17`), as
 * NDJSON in the encrypted file store (they describe a patient's submission, so not kept in clear).
 */
@Entity({ tableName: 'fhir_submission' })
export class FhirSubmission {
  [PrimaryKeyProp]?: 'delivery';

  @OneToOne(() => Delivery, { primary: true, ref: true, deleteRule: 'cascade', owner: true })
  delivery!: Ref<Delivery>;

  /** `bundle` or `ndjson`. */
  @Property({ type: 'string', length: 10 })
  format!: string;

  /** Records the conversion wrote (the CSV's data lines). */
  @Property({ type: 'integer' })
  records!: number;

  /** Element paths discarded before storing, e.g. `Patient.name`, sorted, without values. */
  @Property({ type: 'json' })
  discardedPaths!: string[];

  /** File-store key of the encrypted locators: line n is `[n, {alias: position}]` of record n. */
  @Property({ type: 'string', length: 200, nullable: true })
  locatorKey?: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}
