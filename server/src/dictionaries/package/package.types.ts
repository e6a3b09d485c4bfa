import { Field, InputType, ObjectType } from 'type-graphql';
import { Refusal } from '../../kernel/refusal';
import { LocalDateScalar } from '../../common/scalars';

@ObjectType({ description: 'One thing wrong with a dictionary package: where in the JSON document, and what.' })
export class DictionaryPackageProblem {
  @Field(() => String, { description: 'JSONPath of the place, e.g. `$.dictionary.fields[3].type`; `$` for the whole document.' })
  path!: string;

  @Field(() => String, { description: 'What is wrong there (English, as the start-up check words it).' })
  message!: string;
}

@ObjectType({ implements: Refusal, description: 'A dictionary package refused: every problem found, each with its JSON path. Nothing was stored.' })
export class DictionaryPackageRefused extends Refusal {
  @Field(() => [DictionaryPackageProblem], { description: 'The problems, in document order (structure and content first; examples only when those pass).' })
  problems!: DictionaryPackageProblem[];
}

@InputType({ description: "A draft version's dates at publication." })
export class PublishDictionaryVersionInput {
  @Field(() => LocalDateScalar, { description: 'First day deliveries may follow the version; after the previous version\'s first day.' })
  acceptedFrom!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'From this day on the version is required (go-live criteria); not before acceptedFrom. Default: acceptedFrom.' })
  requiredFrom?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      "Last day the previous version is still accepted: the end of the overlap window (not before the day before acceptedFrom). Omitted: the previous version's end stays as it is.",
  })
  previousAcceptedUntil?: string | null;
}
