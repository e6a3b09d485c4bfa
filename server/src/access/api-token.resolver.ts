import { Arg, Args, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { CreateApiTokenInput } from './access.inputs';
import { ApiToken } from './api-token.entity';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token.service';
import { isRefusal, type Refused, resultUnion } from '../kernel/refusal';
import type { PageArgs } from '../common/pagination';
import { API_TOKEN_PAGING, ApiTokenConnection, type CountedPage } from './access.paging';

@ObjectType({ description: 'A new API token: the token itself is shown this once and never again.' })
export class CreatedApiToken {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`. Store it safely; the hub keeps only its hash.' })
  token!: string;

  @Field(() => ApiToken, { description: "The token's record." })
  apiToken!: ApiToken;
}

const CreateApiTokenResult = resultUnion('CreateApiTokenResult', 'The new token, or why not.', CreatedApiToken);
const RevokeApiTokenResult = resultUnion('RevokeApiTokenResult', "The revoked token, or why not (NOT_FOUND for someone else's).", ApiToken);

@Resolver()
export class ApiTokenResolver {
  @Authorized()
  @Query(() => ApiTokenConnection, { description: "Your API tokens, newest first; hub staff may ask for a processor organisation's instead." })
  apiTokens(
    @Ctx() ctx: RequestContext,
    @Args(() => API_TOKEN_PAGING.Args) page: PageArgs,
    @Arg('organisationId', () => ID, { nullable: true, description: 'Hub staff: a processor organisation.' }) organisationId?: string | null,
  ): Promise<CountedPage<ApiToken>> {
    return listApiTokens(ctx, organisationId ?? null, page);
  }

  @Authorized()
  @Mutation(() => CreateApiTokenResult, {
    description: 'Makes an API token carrying your roles (hub staff: or PROCESSOR of an organisation). Not with a token.',
  })
  async createApiToken(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateApiTokenInput, { description: 'Name and validity.' }) input: CreateApiTokenInput,
  ): Promise<CreatedApiToken | Refused> {
    const result = await createApiToken(ctx, input);
    return isRefusal(result) ? result : Object.assign(new CreatedApiToken(), result);
  }

  @Authorized()
  @Mutation(() => RevokeApiTokenResult, { description: 'Revokes one of your tokens (hub staff: any).' })
  revokeApiToken(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Token id.' }) id: string): Promise<ApiToken | Refused> {
    return revokeApiToken(ctx, id);
  }
}
