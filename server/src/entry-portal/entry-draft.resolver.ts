import { cellsOf, duplicateKeyFinding } from '@datahub/validation';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { type Refused, resultUnion } from '../kernel/refusal';
import { Role } from '../kernel/role';
import { todayInAmsterdam } from '../common/calendar';
import type { Connection, PageArgs } from '../common/pagination';
import type { Period } from '../common/period';
import { PeriodScalar } from '../common/scalars';
import { Delivery } from '../deliveries/delivery.entity';
import { Institution } from '../institutions/institution.entity';
import { institutionLoaders } from '../institutions/institution.loaders';
import { SubDelivery } from '../registries/sub-delivery.entity';
import { registryLoaders } from '../registries/registry.loaders';
import { EntryDraft } from './entry-draft.entity';
import {
  deleteEntryDraft,
  ENTRY_DRAFT_PAGING,
  EntryDraftConnection,
  entryPeriod,
  findEntryDraft,
  listEntryDrafts,
  readEntryValues,
  saveEntryDraft,
} from './entry-draft.service';
import { submitEntryPeriod } from './entry-submit.service';
import { entryPortalTargets, periodOption } from './entry-target';
import { EntryFinding, EntryPortalTarget, EntryStatus, FieldValue, SaveEntryDraftInput } from './entry.types';
import { checkEntry, fieldValues, hasDuplicateKey, renderFindings } from './entry-values';
import { dictionaryOfVersion, entryDraftLoaders } from './entry-draft.loaders';

const EntryDraftResult = resultUnion('EntryDraftResult', 'The entry, or why not.', EntryDraft);
const EntrySubmitResult = resultUnion('EntrySubmitResult', 'The delivery made of the period’s entries (follow its status), or why not.', Delivery);

@Resolver(() => EntryDraft)
export class EntryDraftResolver {
  @Authorized(Role.SUBMITTER)
  @Query(() => [EntryPortalTarget], {
    description:
      'Where the caller enters records by hand (Invoerportaal): institutions and sub-deliveries they submit for whose active channel for the registry is the entry portal. A plain list: a few at most.',
  })
  async entryPortalTargets(@Ctx() ctx: RequestContext): Promise<EntryPortalTarget[]> {
    return (await entryPortalTargets(ctx)).map((target) => ({
      institution: target.institution,
      subDelivery: target.subDelivery,
      registry: target.registry.code,
      version: target.version.version,
      dictionaryPath: `${target.registry.code}/${target.subDelivery.code}/${target.version.version}`,
    }));
  }

  @Authorized(Role.SUBMITTER)
  @Query(() => EntryDraftConnection, {
    description: "A period's entries of an institution and sub-delivery, in the order entered (its submitters; empty for anyone else).",
  })
  entryDrafts(
    @Ctx() ctx: RequestContext,
    @Arg('institutionId', () => ID, { description: 'The institution.' }) institutionId: string,
    @Arg('subDeliveryId', () => ID, { description: 'The sub-delivery.' }) subDeliveryId: string,
    @Arg('period', () => PeriodScalar, { description: 'The period, e.g. `2026K1`.' }) period: Period,
    @Args(() => ENTRY_DRAFT_PAGING.Args) page: PageArgs,
  ): Promise<Connection<EntryDraft>> {
    return listEntryDrafts(ctx, institutionId, subDeliveryId, period, page);
  }

  @Authorized(Role.SUBMITTER)
  @Query(() => EntryDraftResult, { description: "One entry with its values and findings (its institution's submitters for the registry)." })
  entryDraft(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The entry.' }) id: string): Promise<EntryDraft | Refused> {
    return findEntryDraft(ctx, id);
  }

  @Authorized(Role.SUBMITTER)
  @Mutation(() => EntryDraftResult, {
    description:
      'Saves an entry (new without `id`): the validation engine checks its fields and the record rules as processing would, and its record key against the other entries of the period (005, on every entry with that key); it is kept with its findings, and saving with errors is allowed. Values are stored sealed. Audited.',
  })
  saveEntryDraft(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => SaveEntryDraftInput, { description: 'The entry.' }) input: SaveEntryDraftInput,
  ): Promise<EntryDraft | Refused> {
    return saveEntryDraft(ctx, input);
  }

  @Authorized(Role.SUBMITTER)
  @Mutation(() => EntryDraftResult, {
    description: 'Removes an entry (the removed entry is returned). A submitted one is left out of the next submit of its period. Audited.',
  })
  deleteEntryDraft(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The entry.' }) id: string): Promise<EntryDraft | Refused> {
    return deleteEntryDraft(ctx, id);
  }

  @Authorized(Role.SUBMITTER)
  @Mutation(() => EntrySubmitResult, {
    description:
      "Submits a period: all its entries (drafts and those submitted before) become one delivery through the entry portal channel, checked by the worker like any file. A later submit of the same period supersedes it. Refused without entries, or when the entry portal is not the institution's active channel for the registry. Audited.",
  })
  submitEntryPeriod(
    @Ctx() ctx: RequestContext,
    @Arg('institutionId', () => ID, { description: 'The institution.' }) institutionId: string,
    @Arg('subDeliveryId', () => ID, { description: 'The sub-delivery.' }) subDeliveryId: string,
    @Arg('period', () => PeriodScalar, { description: 'The period, e.g. `2026K1`.' }) period: Period,
    @Arg('unit', () => Int, { description: 'Unit number the delivery is for.' }) unit: number,
  ): Promise<Delivery | Refused> {
    return submitEntryPeriod(ctx, institutionId, subDeliveryId, period, unit);
  }

  @FieldResolver(() => PeriodScalar, { description: 'The period it belongs to.' })
  period(@Root() draft: EntryDraft): Period {
    return entryPeriod(draft);
  }

  @FieldResolver(() => String, { description: 'The dictionary version its values follow.' })
  async version(@Root() draft: EntryDraft, @Ctx() ctx: RequestContext): Promise<string> {
    return (await entryDraftLoaders(ctx).versionById.load(draft.dictionaryVersion.id)).version;
  }

  @FieldResolver(() => Institution, { description: 'The institution.' })
  async institution(@Root() draft: EntryDraft, @Ctx() ctx: RequestContext): Promise<Institution> {
    const institution = await institutionLoaders(ctx).institutionById.load(draft.institution.id);
    if (!institution) throw new Error(`entry ${draft.id} has no institution`);
    return institution;
  }

  @FieldResolver(() => SubDelivery, { description: 'The sub-delivery.' })
  async subDelivery(@Root() draft: EntryDraft, @Ctx() ctx: RequestContext): Promise<SubDelivery> {
    const subDelivery = await registryLoaders(ctx).subDeliveryById.load(draft.subDelivery.id);
    if (!subDelivery) throw new Error(`entry ${draft.id} has no sub-delivery`);
    return subDelivery;
  }

  @FieldResolver(() => EntryStatus, { description: 'Has errors, complete, or submitted (unchanged since the last submit).' })
  status(@Root() draft: EntryDraft): EntryStatus {
    if (draft.submittedIn) return EntryStatus.SUBMITTED;
    return draft.errorCount > 0 ? EntryStatus.HAS_ERRORS : EntryStatus.COMPLETE;
  }

  @FieldResolver(() => Delivery, { nullable: true, description: 'The delivery that carried it unchanged; null while a draft.' })
  async submittedIn(@Root() draft: EntryDraft, @Ctx() ctx: RequestContext): Promise<Delivery | null> {
    return draft.submittedIn ? ctx.em.findOne(Delivery, { id: draft.submittedIn.id }) : null;
  }

  @FieldResolver(() => [FieldValue], { description: "Every field of the dictionary with the entry's value, in the dictionary's order (empty where none)." })
  async values(@Root() draft: EntryDraft, @Ctx() ctx: RequestContext): Promise<FieldValue[]> {
    const dictionary = await dictionaryOfVersion(ctx, draft.dictionaryVersion.id);
    return fieldValues(dictionary, await readEntryValues(ctx, draft));
  }

  @FieldResolver(() => [EntryFinding], {
    description:
      "The engine's findings on the entry now (delivery date today), with messages in the caller's language: what processing would report on this record, 005 included when another entry of its period has its record key.",
  })
  async findings(@Root() draft: EntryDraft, @Ctx() ctx: RequestContext): Promise<EntryFinding[]> {
    const dictionary = await dictionaryOfVersion(ctx, draft.dictionaryVersion.id);
    const values = await readEntryValues(ctx, draft);
    const findings = checkEntry(dictionary, values, { deliveryDate: todayInAmsterdam(ctx.services.clock.now()), period: periodOption(entryPeriod(draft)) });
    // 005 needs the period's other entries: as found at the last save or delete in the period (entry-duplicates.ts).
    if (hasDuplicateKey(draft)) findings.push(duplicateKeyFinding(dictionary.compiled, cellsOf(dictionary.compiled, values)));
    return renderFindings(dictionary, findings, ctx.actor.language);
  }
}
