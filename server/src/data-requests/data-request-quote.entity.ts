import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, OneToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DataRequest } from './data-request.entity';

@ObjectType({ description: 'One line of a quote, in euro cents excluding VAT.' })
export class QuoteLine {
  @Field(() => String, { description: '`FEE` (per registration year) or `HANDLING` (handling costs).' })
  kind!: string;

  @Field(() => String, { description: 'What the line is for.' })
  description!: string;

  @Field(() => Int, { nullable: true, description: 'The registration year of a FEE line.' })
  year!: number | null;

  @Field(() => Int, { description: 'Amount in euro cents, excluding VAT.' })
  cents!: number;
}

/**
 * The quote (offerte) of a data request: the fee engine's outcome as hub staff set it, and its
 * signature. Amounts are whole euro cents. Replaced while the request is approved and the quote not
 * yet sent; fixed from then on.
 */
@ObjectType({ description: 'The quote (offerte) of a data request: fee lines in cents, VAT and the signature.' })
@Entity({ tableName: 'data_request_quote' })
export class DataRequestQuote {
  [OptionalProps]?: 'createdAt' | 'signedOnPaper';

  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => DataRequest, { ref: true, owner: true, deleteRule: 'cascade', unique: true })
  request!: Ref<DataRequest>;

  @Field(() => Boolean, { description: 'Commercial use: the bounds are doubled.' })
  @Property({ type: 'boolean' })
  commercial!: boolean;

  @Field(() => Int, { description: 'The weight chosen, 0 to 10,000 basis points between the bounds.' })
  @Property({ type: 'int' })
  weight!: number;

  @Field(() => Int, { description: 'Lower bound per registration year, cents.' })
  @Property({ type: 'int' })
  minPerYearCents!: number;

  @Field(() => Int, { description: 'Upper bound per registration year, cents.' })
  @Property({ type: 'int' })
  maxPerYearCents!: number;

  @Field(() => Int, { description: 'The fee per registration year on the quote, cents.' })
  @Property({ type: 'int' })
  perYearCents!: number;

  @Field(() => String, { nullable: true, description: 'Why the fee lies outside the bounds (bijzondere gevallen); required then.' })
  @Property({ type: 'text', nullable: true })
  deviationReason?: string | null;

  @Field(() => [QuoteLine], { description: 'Fee lines per registration year, then handling costs.' })
  @Property({ type: 'json' })
  lines!: QuoteLine[];

  @Field(() => Int, { description: 'Total excluding VAT, cents.' })
  @Property({ type: 'int' })
  totalExclVatCents!: number;

  @Field(() => Int, { description: 'VAT (21%, half up to the cent, on the total), cents.' })
  @Property({ type: 'int' })
  vatCents!: number;

  @Field(() => Int, { description: 'Total including VAT, cents.' })
  @Property({ type: 'int' })
  totalInclVatCents!: number;

  @Field(() => String, { nullable: true, description: 'Name of who signed.' })
  @Property({ type: 'string', length: 200, nullable: true })
  signedName?: string | null;

  @Field(() => String, { nullable: true, description: 'Function of who signed.' })
  @Property({ type: 'string', length: 200, nullable: true })
  signedFunction?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was signed (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  signedAt?: Date | null;

  @Field(() => Boolean, { description: 'Recorded by hub staff on receipt of a signed copy, rather than signed in the system.' })
  @Property({ type: 'boolean' })
  signedOnPaper: boolean = false;

  @Field(() => String, { nullable: true, description: 'The invoice date.' })
  @Property({ type: 'date', nullable: true })
  invoiceDate?: string | null;

  @Field(() => String, { nullable: true, description: 'The invoice is due 14 calendar days after its date.' })
  @Property({ type: 'date', nullable: true })
  invoiceDueOn?: string | null;

  /** A signed copy (PDF) in the encrypted file store. */
  @Property({ type: 'text', nullable: true })
  signedCopyKey?: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Size in bytes of the uploaded signed copy (PDF), if any.' })
  // A nullable union has no reflected type: say the mode, or MikroORM reads a JS bigint.
  @Property({ type: new BigIntType('string'), nullable: true })
  signedCopySize?: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 (hex) of the uploaded signed copy.' })
  @Property({ type: 'string', length: 64, nullable: true })
  signedCopySha256?: string | null;

  @Field(() => String, { nullable: true, description: 'The day the invoice was paid; null: not (yet) paid.' })
  @Property({ type: 'date', nullable: true })
  paidOn?: string | null;

  @Field(() => Date, { description: 'When the quote was set (UTC).' })
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
