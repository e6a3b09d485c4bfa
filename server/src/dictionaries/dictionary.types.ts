import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** Dictionary content as GraphQL types: the same data as `dictionaries/*.json`, for the console and hospitals' IT. */

@ObjectType({ description: 'A text in Dutch and English.' })
export class LocalizedText {
  @Field(() => String, { description: 'Dutch (shown first).' })
  nl!: string;

  @Field(() => String, { description: 'English.' })
  en!: string;
}

@ObjectType({ description: 'A condition on another field of the same record.' })
export class FieldCondition {
  @Field(() => String, { description: 'The other field.' })
  field!: string;

  @Field(() => String, { nullable: true, description: 'Holds when that field equals this value.' })
  equals?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Holds when that field is filled.' })
  filled?: boolean | null;
}

@ObjectType({ description: 'Limits a field\'s value must keep.' })
export class FieldConstraints {
  @Field(() => Int, { nullable: true, description: 'Fewest characters.' })
  minLength?: number | null;

  @Field(() => Int, { nullable: true, description: 'Most characters.' })
  maxLength?: number | null;

  @Field(() => String, { nullable: true, description: 'Regular expression the whole value must match.' })
  pattern?: string | null;

  @Field(() => Float, { nullable: true, description: 'Lowest number allowed (inclusive); outside gives 015_X_Y_EQ.' })
  minimum?: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest number allowed (inclusive).' })
  maximum?: number | null;

  @Field(() => Int, { nullable: true, description: 'Exact number of decimals.' })
  decimals?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'A date not after the delivery date.' })
  notAfterDeliveryDate?: boolean | null;
}

@ObjectType({ description: 'A field (column or XML element) of a dictionary.' })
export class DictionaryField {
  @Field(() => String, { description: 'Name as in the CSV header and XML element.' })
  name!: string;

  @Field(() => LocalizedText, { description: 'Label for people.' })
  label!: LocalizedText;

  @Field(() => String, { description: '`string`, `integer`, `decimal`, `date` (YYYY-MM-DD) or `code`.' })
  type!: string;

  @Field(() => Boolean, { description: 'Always required (000_Req when empty).' })
  required!: boolean;

  @Field(() => FieldCondition, { nullable: true, description: 'Required only when this holds (010_Cond).' })
  requiredWhen?: FieldCondition | null;

  @Field(() => FieldCondition, { nullable: true, description: 'Must be empty when this holds (010_Cond).' })
  emptyWhen?: FieldCondition | null;

  @Field(() => FieldConstraints, { nullable: true, description: 'Length, pattern, limits, decimals.' })
  constraints?: FieldConstraints | null;

  @Field(() => LocalizedText, { nullable: true, description: 'The expected format in words.' })
  formatDescription?: LocalizedText | null;

  @Field(() => String, { nullable: true, description: 'Name of the reference table the value must come from (001_RefTab).' })
  referenceTable?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Personal data (BSN, names): never stored, logged or shown in clear.' })
  identifying?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The record\'s date compared with the delivery\'s period (020_Period).' })
  periodCheck?: boolean | null;

  @Field(() => LocalizedText, { nullable: true, description: 'Remarks.' })
  notes?: LocalizedText | null;
}

@ObjectType({ description: 'One code of a reference table.' })
export class ReferenceCode {
  @Field(() => String, { description: 'The code exactly as delivered (case-sensitive).' })
  code!: string;

  @Field(() => LocalizedText, { nullable: true, description: 'What it means.' })
  label?: LocalizedText | null;
}

@ObjectType({ description: 'A code list (referentietabel).' })
export class ReferenceTable {
  @Field(() => String, { description: 'Name, e.g. `GESLACHT`.' })
  name!: string;

  @Field(() => LocalizedText, { description: 'What the list is.' })
  label!: LocalizedText;

  @Field(() => [ReferenceCode], { description: 'The allowed codes.' })
  codes!: ReferenceCode[];
}

@ObjectType({ description: 'A check (validatie) with its code, class and message.' })
export class DictionaryCheck {
  @Field(() => String, { description: 'Code as shown in reports, e.g. `015_X_Y_EQ`.' })
  code!: string;

  @Field(() => String, { description: 'Class: F, W, BF, BW, TF or TW.' })
  class!: string;

  @Field(() => LocalizedText, { description: 'What is checked.' })
  description!: LocalizedText;

  @Field(() => LocalizedText, { description: 'Message template; `{name}` is filled from the finding.' })
  message!: LocalizedText;

  @Field(() => Boolean, { description: 'True for the codes every registry shares (B01–B09, 000_Req, …).' })
  common!: boolean;
}

@ObjectType({ description: 'How records are laid out in XML.' })
export class XmlLayout {
  @Field(() => String, { description: 'Root element, e.g. `CataractAanlevering`.' })
  rootElement!: string;

  @Field(() => String, { description: 'Element per record, e.g. `Operatie`.' })
  recordElement!: string;
}

@ObjectType({ description: 'The content of one dictionary version, as the files in `dictionaries/` define it.' })
export class Dictionary {
  @Field(() => ID, { description: '`REGISTRY/SubDelivery/version`, e.g. `CAT/Cataract/1.4`.' })
  id!: string;

  @Field(() => String, { description: 'Registry code.' })
  registry!: string;

  @Field(() => String, { description: 'Sub-delivery code.' })
  subDelivery!: string;

  @Field(() => String, { description: 'Version.' })
  version!: string;

  @Field(() => LocalizedText, { description: 'Title.' })
  title!: LocalizedText;

  @Field(() => String, { description: 'The specification it follows.' })
  source!: string;

  @Field(() => [String], { description: 'Accepted file formats: `csv`, `xml`.' })
  formats!: string[];

  @Field(() => XmlLayout, { nullable: true, description: 'XML layout, when XML is accepted.' })
  xml?: XmlLayout | null;

  @Field(() => [String], { description: 'Fields that together identify a record (duplicates give 005).' })
  primaryKey!: string[];

  @Field(() => [String], { description: 'Fields shown with each report line.' })
  reportKey!: string[];

  @Field(() => [DictionaryField], { description: 'Fields in file order.' })
  fields!: DictionaryField[];

  @Field(() => [ReferenceTable], { description: 'Reference tables the fields use.' })
  referenceTables!: ReferenceTable[];

  @Field(() => [DictionaryCheck], { description: 'Every check that can appear in a report for this dictionary: the common ones, then the registry\'s own.' })
  checks!: DictionaryCheck[];
}
