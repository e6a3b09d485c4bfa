import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A processor linked to a registry (or one sub-delivery) with the fields it may ever receive.' })
export class LinkProcessorInput {
  @Field(() => ID, { description: 'The processor organisation (kind PROCESSOR).' })
  organisationId!: string;

  @Field(() => String, { description: 'Registry code, e.g. `PMICD`.' })
  registry!: string;

  @Field(() => String, { nullable: true, description: 'Sub-delivery code within the registry; null: every sub-delivery.' })
  subDelivery?: string | null;

  @Field(() => [String], { description: "Field names of the registry's current dictionary; identifying fields are refused." })
  fields!: string[];
}

@InputType({ description: 'A new field set for a processor link; authorisations under it are narrowed to it.' })
export class UpdateProcessorLinkInput {
  @Field(() => ID, { description: 'The link.' })
  linkId!: string;

  @Field(() => [String], { description: "Field names of the registry's current dictionary; identifying fields are refused." })
  fields!: string[];
}
