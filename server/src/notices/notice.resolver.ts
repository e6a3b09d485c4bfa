import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { type Refused, resultUnion } from '../kernel/refusal';
import { Role } from '../kernel/role';
import type { Connection, PageArgs } from '../common/pagination';
import { Notice } from './notice.entity';
import { NoticeEndpoint } from './notice-endpoint.entity';
import {
  listNotices,
  NOTICE_PAGING,
  NoticeConnection,
  noticeEndpointOf,
  registerNoticeEndpoint,
  removeNoticeEndpoint,
  rotateNoticeSecret,
} from './notice.service';
import { NoticeEndpointWithSecret } from './notice.types';

const WithSecretResult = resultUnion('NoticeEndpointWithSecretResult', 'The endpoint and its new secret (shown once), or why not.', NoticeEndpointWithSecret);
const EndpointResult = resultUnion('NoticeEndpointResult', 'The endpoint as stored, or why not.', NoticeEndpoint);
const ORGANISATION_ARG = {
  nullable: true,
  description: "The processor organisation; may be left out by a user of exactly one. Hub staff name it to read another organisation's.",
} as const;

@Resolver(() => Notice)
export class NoticeResolver {
  @Authorized(Role.HUB_STAFF, Role.PROCESSOR)
  @Query(() => NoticeEndpoint, {
    nullable: true,
    description: "The processor organisation's notice endpoint (its secret is never shown here); null when it has none or it is not yours to see.",
  })
  noticeEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('organisationId', () => ID, ORGANISATION_ARG) organisationId?: string | null,
  ): Promise<NoticeEndpoint | null> {
    return noticeEndpointOf(ctx, organisationId);
  }

  @Authorized(Role.HUB_STAFF, Role.PROCESSOR)
  @Query(() => NoticeConnection, { description: "The processor organisation's notices, newest first; empty when it is not yours to see." })
  notices(
    @Ctx() ctx: RequestContext,
    @Arg('organisationId', () => ID, ORGANISATION_ARG) organisationId: string | null | undefined,
    @Args(() => NOTICE_PAGING.Args) page: PageArgs,
  ): Promise<Connection<Notice>> {
    return listNotices(ctx, organisationId, page);
  }

  @Authorized(Role.PROCESSOR)
  @Mutation(() => WithSecretResult, {
    description:
      "Registers or replaces your processor organisation's notice endpoint (https, a public host) with a new signing secret, returned this once (audited).",
  })
  registerNoticeEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('url', () => String, { description: 'The https URL notices are POSTed to.' }) url: string,
    @Arg('organisationId', () => ID, ORGANISATION_ARG) organisationId?: string | null,
  ): Promise<NoticeEndpointWithSecret | Refused> {
    return registerNoticeEndpoint(ctx, url, organisationId);
  }

  @Authorized(Role.PROCESSOR)
  @Mutation(() => WithSecretResult, { description: 'Gives the notice endpoint a new signing secret, returned this once; the old one stops at once (audited).' })
  rotateNoticeSecret(
    @Ctx() ctx: RequestContext,
    @Arg('organisationId', () => ID, ORGANISATION_ARG) organisationId?: string | null,
  ): Promise<NoticeEndpointWithSecret | Refused> {
    return rotateNoticeSecret(ctx, organisationId);
  }

  @Authorized(Role.PROCESSOR)
  @Mutation(() => EndpointResult, { description: 'Removes the notice endpoint: no more notices, and its secret is forgotten (audited).' })
  removeNoticeEndpoint(
    @Ctx() ctx: RequestContext,
    @Arg('organisationId', () => ID, ORGANISATION_ARG) organisationId?: string | null,
  ): Promise<NoticeEndpoint | Refused> {
    return removeNoticeEndpoint(ctx, organisationId);
  }
}
