import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { createUnionType } from 'type-graphql';
import type { RequestContext } from '../../kernel/context';
import { Role } from '../../kernel/role';
import { type FileUpload, GraphQLUpload } from '../../kernel/upload';
import { type Refused, Refused as RefusedType, resultUnion } from '../../kernel/refusal';
import { DictionaryVersion } from '../dictionary-version.entity';
import { diffDictionaries, DictionaryDiff } from '../diff/dictionary-diff';
import { dictionaryAdoption, VersionAdoption } from '../diff/dictionary-adoption';
import { versionContent } from '../diff/dictionary-content';
import { DictionaryPackageRefused, PublishDictionaryVersionInput } from './package.types';
import { uploadDictionaryPackage } from './package.service';
import { publishDictionaryVersion } from './publish.service';

const UploadDictionaryPackageResult = createUnionType({
  name: 'UploadDictionaryPackageResult',
  description: 'The draft version as stored, or why not: `DictionaryPackageRefused` lists every problem of the package with its JSON path.',
  types: () => [DictionaryVersion, DictionaryPackageRefused, RefusedType] as const,
  resolveType: (value) => (value instanceof DictionaryPackageRefused ? DictionaryPackageRefused : value instanceof RefusedType ? RefusedType : DictionaryVersion),
});

const DictionaryVersionResult = resultUnion('DictionaryVersionResult', 'The dictionary version as stored, or why not.', DictionaryVersion);

/** Dictionary versions over time (issue 12): upload, publish, compare, adoption. */
@Resolver()
export class DictionaryPackageResolver {
  @Authorized(Role.HUB_STAFF)
  @Mutation(() => UploadDictionaryPackageResult, {
    description:
      'Uploads a dictionary package (multipart, one JSON file; format in docs/dictionary-packages.md) for a sub-delivery (hub staff; audited). Checked as the start-up load checks dictionaries, then its examples must give their expected outcomes; stored as a DRAFT version (the same draft version again becomes its next revision; a published version is refused).',
  })
  async uploadDictionaryPackage(
    @Ctx() ctx: RequestContext,
    @Arg('registry', () => String, { description: 'Registry code, e.g. `CAT`.' }) registry: string,
    @Arg('subDelivery', () => String, { description: 'Sub-delivery code, e.g. `Cataract`.' }) subDelivery: string,
    @Arg('file', () => GraphQLUpload, { description: 'The package (JSON, at most 10 MB).' }) file: Promise<FileUpload>,
  ): Promise<DictionaryVersion | DictionaryPackageRefused | Refused> {
    return uploadDictionaryPackage(ctx, { registry, subDelivery }, await file);
  }

  @Authorized(Role.HUB_STAFF)
  @Mutation(() => DictionaryVersionResult, {
    description:
      "Publishes a draft dictionary version with its dates (hub staff; audited), and ends the previous version's acceptance at `previousAcceptedUntil`. Deliveries may follow it from acceptedFrom; schedules follow from its package.",
  })
  publishDictionaryVersion(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'The draft version.' }) id: string,
    @Arg('input', () => PublishDictionaryVersionInput, { description: 'Its dates.' }) input: PublishDictionaryVersionInput,
  ): Promise<DictionaryVersion | Refused> {
    return publishDictionaryVersion(ctx, id, input);
  }

  @Query(() => DictionaryDiff, {
    nullable: true,
    description:
      'What changed between two versions of a sub-delivery: fields, checks, reference-table codes. Public for published versions; drafts for hub staff only. Null when either version is unknown (or a draft the caller may not see).',
  })
  async dictionaryDiff(
    @Ctx() ctx: RequestContext,
    @Arg('subDelivery', () => ID, { description: 'The sub-delivery.' }) subDelivery: string,
    @Arg('from', () => String, { description: 'The older version, e.g. `1.4`.' }) from: string,
    @Arg('to', () => String, { description: 'The newer version.' }) to: string,
  ): Promise<DictionaryDiff | null> {
    const older = await versionContent(ctx, subDelivery, from);
    const newer = older ? await versionContent(ctx, subDelivery, to) : null;
    return older && newer ? diffDictionaries(older, newer) : null;
  }

  @Authorized(Role.HUB_STAFF)
  @Query(() => [VersionAdoption], {
    description:
      'Per published version of a sub-delivery (newest first), the institutions whose latest production delivery used it (hub staff). A plain list: a handful of versions.',
  })
  dictionaryAdoption(@Ctx() ctx: RequestContext, @Arg('subDelivery', () => ID, { description: 'The sub-delivery.' }) subDelivery: string): Promise<VersionAdoption[]> {
    return dictionaryAdoption(ctx, subDelivery);
  }
}
