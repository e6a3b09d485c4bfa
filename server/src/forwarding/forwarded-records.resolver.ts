import { Arg, Args, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { notFound, type Refused, resultUnion } from '../kernel/refusal';
import { Role } from '../kernel/role';
import { recordRefusal } from '../audit/audit.service';
import { type PageArgs, pagingError } from '../common/pagination';
import { decodeChangeCursor } from './change-cursor';
import { FORWARD_PAGING, readForwardPage } from './forward-page';
import { ForwardedRecordsView } from './forwarded-record.types';

const ForwardedRecordsResult = resultUnion('ForwardedRecordsResult', 'A page of forwarded records, or NOT_FOUND.', ForwardedRecordsView);

@Resolver()
export class ForwardedRecordsResolver {
  @Authorized(Role.PROCESSOR)
  @Query(() => ForwardedRecordsResult, {
    description:
      "A page of the held records an authorisation covers, with only its fields, for small sets (the CSV and NDJSON streams serve large ones, under the same check). A processor's users and API tokens; every page is an afname. NOT_FOUND alike for an unknown, foreign, revoked or expired authorisation.",
  })
  async forwardedRecords(
    @Ctx() ctx: RequestContext,
    @Arg('authorisationId', () => ID, { description: 'The authorisation (machtiging) to fetch under.' }) authorisationId: string,
    @Arg('since', () => String, {
      nullable: true,
      description: "A changeCursor of an earlier read (here or a stream's X-Datahub-Cursor): only what changed after it, withdrawn records included.",
    })
    since: string | null | undefined,
    @Args(() => FORWARD_PAGING.Args) page: PageArgs,
  ): Promise<ForwardedRecordsView | Refused> {
    const position = since == null ? null : decodeChangeCursor(since);
    if (since != null && position === null) throw pagingError(ctx.actor.language, 'INVALID_CURSOR', { argument: 'since' }, 'since');
    const selection = await ctx.services.forwardingSelection(
      { services: ctx.services, em: ctx.em, actor: ctx.actor, request: ctx.request },
      { authorisationId },
    );
    if (!selection) {
      await recordRefusal(ctx, { action: 'forwardRecords', objectType: 'Authorisation', objectId: authorisationId });
      return notFound(ctx.actor.language, 'authorisation');
    }
    return readForwardPage(ctx.services, ctx.actor, selection, position, page);
  }
}
