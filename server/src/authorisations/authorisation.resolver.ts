import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../kernel/context';
import { type Refused, resultUnion } from '../kernel/refusal';
import { Role } from '../kernel/role';
import { AuditEvent } from '../audit/audit-event.entity';
import { todayInAmsterdam } from '../common/calendar';
import type { PageArgs } from '../common/pagination';
import { PeriodScalar } from '../common/scalars';
import { Institution } from '../institutions/institution.entity';
import { institutionLoaders } from '../institutions/institution.loaders';
import { AfnameView, countChanges, lastCompleteFetch } from '../forwarding/module';
import { authorisationLoaders } from './authorisation.loaders';
import { Authorisation } from './authorisation.entity';
import { AuthorisationFilter, GrantAuthorisationInput, UpdateAuthorisationInput } from './authorisation.inputs';
import {
  allAuthorisations,
  AUTHORISATION_PAGING,
  AuthorisationConnection,
  authorisationHistory,
  type CountedPage,
  grantAuthorisation,
  listAuthorisations,
  myAuthorisations,
  revokeAuthorisation,
  updateAuthorisation,
} from './authorisation.service';
import { ProcessorLink } from './processor-link.entity';
import { selectionOf } from './forwarding-selection';

const AuthorisationResult = resultUnion('AuthorisationResult', 'The authorisation as stored, or why not.', Authorisation);
const ID_ARG = { description: 'The authorisation.' };

@Resolver(() => Authorisation)
export class AuthorisationResolver {
  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Query(() => AuthorisationConnection, {
    description:
      "An institution's authorisations, newest first, revoked ones included (hub staff, its local administrators); empty for an unknown or foreign institution.",
  })
  authorisations(
    @Ctx() ctx: RequestContext,
    @Arg('institutionCode', () => String, { description: '8-digit code.' }) institutionCode: string,
    @Args(() => AUTHORISATION_PAGING.Args) page: PageArgs,
  ): Promise<CountedPage<Authorisation>> {
    return listAuthorisations(ctx, institutionCode, page);
  }

  @Authorized(Role.HUB_STAFF)
  @Query(() => AuthorisationConnection, {
    description: "Every institution's authorisations, newest first, revoked ones included, with filters (hub staff).",
  })
  allAuthorisations(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuthorisationFilter, { nullable: true, description: 'Filters; all optional.' }) filter: AuthorisationFilter | null,
    @Args(() => AUTHORISATION_PAGING.Args) page: PageArgs,
  ): Promise<CountedPage<Authorisation>> {
    return allAuthorisations(ctx, filter ?? {}, page);
  }

  @Authorized(Role.PROCESSOR)
  @Query(() => AuthorisationConnection, {
    description: "The authorisations granted to the caller's processor organisation, newest first, revoked ones included.",
  })
  myAuthorisations(@Ctx() ctx: RequestContext, @Args(() => AUTHORISATION_PAGING.Args) page: PageArgs): Promise<CountedPage<Authorisation>> {
    return myAuthorisations(ctx, page);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => AuthorisationResult, {
    description:
      "Grants a processor an authorisation through a processor link, with the link's fields or fewer (the institution's local administrators, hub staff; audited).",
  })
  grantAuthorisation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => GrantAuthorisationInput, { description: 'The authorisation.' }) input: GrantAuthorisationInput,
  ): Promise<Authorisation | Refused> {
    return grantAuthorisation(ctx, input);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => AuthorisationResult, {
    description: "Changes an authorisation's fields (within the link's set) or dates (its institution's local administrators, hub staff; audited).",
  })
  updateAuthorisation(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => UpdateAuthorisationInput, { description: 'What changes.' }) input: UpdateAuthorisationInput,
  ): Promise<Authorisation | Refused> {
    return updateAuthorisation(ctx, input);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @Mutation(() => AuthorisationResult, {
    description: "Revokes an authorisation at once: nothing more is forwarded under it (its institution's local administrators, hub staff; audited).",
  })
  revokeAuthorisation(@Ctx() ctx: RequestContext, @Arg('authorisationId', () => ID, ID_ARG) authorisationId: string): Promise<Authorisation | Refused> {
    return revokeAuthorisation(ctx, authorisationId);
  }

  @FieldResolver(() => ProcessorLink, {
    description: 'The processor link it was granted through: processor, registry or sub-delivery, and the fields it may ever hold.',
  })
  async link(@Root() authorisation: Authorisation, @Ctx() ctx: RequestContext): Promise<ProcessorLink> {
    const link = await authorisationLoaders(ctx).linkById.load(authorisation.link.id);
    if (!link) throw new Error(`authorisation ${authorisation.id} has no link`);
    return link;
  }

  @FieldResolver(() => Institution, { description: 'The institution that granted it.' })
  async institution(@Root() authorisation: Authorisation, @Ctx() ctx: RequestContext): Promise<Institution> {
    const institution = await institutionLoaders(ctx).institutionById.load(authorisation.institution.id);
    if (!institution) throw new Error(`authorisation ${authorisation.id} has no institution`);
    return institution;
  }

  @FieldResolver(() => PeriodScalar, { nullable: true, description: 'First period whose data it covers; null: from the first.' })
  fromPeriod(@Root() authorisation: Authorisation): string | null {
    return authorisation.fromPeriod ?? null;
  }

  @FieldResolver(() => PeriodScalar, { nullable: true, description: 'Last period whose data it covers; null: up to the latest.' })
  toPeriod(@Root() authorisation: Authorisation): string | null {
    return authorisation.toPeriod ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'True when it holds today (Europe/Amsterdam): not revoked and today within its validity.' })
  active(@Root() authorisation: Authorisation, @Ctx() ctx: RequestContext): boolean {
    const today = todayInAmsterdam(ctx.services.clock.now());
    return !authorisation.revokedAt && authorisation.validFrom <= today && (!authorisation.validUntil || today <= authorisation.validUntil);
  }

  @Authorized(Role.HUB_STAFF, Role.LOCAL_ADMIN)
  @FieldResolver(() => [AuditEvent], {
    description:
      "Its history, oldest first: the grant, every change and the revocation, from the audit log (hub staff, the institution's local administrators).",
  })
  history(@Root() authorisation: Authorisation, @Ctx() ctx: RequestContext): Promise<AuditEvent[]> {
    return authorisationHistory(ctx, authorisation);
  }

  @FieldResolver(() => AfnameView, { nullable: true, description: 'The latest fetch under it that reached its end; null while never fetched.' })
  async lastFetch(@Root() authorisation: Authorisation, @Ctx() ctx: RequestContext): Promise<AfnameView | null> {
    return (await lastCompleteFetch(ctx.em, authorisation.id))?.afname ?? null;
  }

  @FieldResolver(() => Int, {
    description:
      'What a fetch now would hand over beyond the last one: records changed or withdrawn since the last complete fetch reached; every current record while never fetched. Counted with its fields and periods as granted, whether or not it holds today.',
  })
  async changesSinceLastFetch(@Root() authorisation: Authorisation, @Ctx() ctx: RequestContext): Promise<number> {
    const link = await this.link(authorisation, ctx);
    const last = await lastCompleteFetch(ctx.em, authorisation.id);
    const selection = selectionOf({
      id: authorisation.id,
      organisationId: link.organisation.id,
      institutionId: authorisation.institution.id,
      registryId: link.registry.id,
      subDeliveryId: link.subDelivery?.id ?? null,
      fromPeriod: authorisation.fromPeriod ?? null,
      toPeriod: authorisation.toPeriod ?? null,
      fields: authorisation.fields,
    });
    return countChanges(ctx.em.getKnex() as Knex, selection, last?.reached ?? null);
  }
}
