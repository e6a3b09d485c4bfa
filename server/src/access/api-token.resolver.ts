import { Arg, Args, Authorized, createUnionType, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../kernel/context';
import { CreateApiTokenInput } from './access.inputs';
import { ApiToken } from './api-token.entity';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token.service';
import { AuthRefusal } from './auth.types';
import type { PageArgs } from '../shared/pagination';
import { API_TOKEN_PAGING, ApiTokenConnection, type CountedPage } from './access.paging';

@ObjectType({ description: 'A new API token: the token itself is shown this once and never again.' })
export class CreatedApiToken {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`. Store it safely; the hub keeps only its hash.' })
  token!: string;

  @Field(() => ApiToken, { description: 'The token\'s record.' })
  apiToken!: ApiToken;
}

const CreateApiTokenResult = createUnionType({
  name: 'CreateApiTokenResult',
  description: 'The new token, or why not.',
  types: () => [CreatedApiToken, AuthRefusal] as const,
  resolveType: (value) => (value instanceof AuthRefusal ? AuthRefusal : CreatedApiToken),
});

@Resolver()
export class ApiTokenResolver {
  @Authorized()
  @Query(() => ApiTokenConnection, { description: 'Your API tokens, newest first; hub staff may ask for a processor organisation\'s instead.' })
  apiTokens(
    @Ctx() ctx: RequestContext,
    @Args(() => API_TOKEN_PAGING.Args) page: PageArgs,
    @Arg('organisationId', () => ID, { nullable: true, description: 'Hub staff: a processor organisation.' }) organisationId?: string | null,
  ): Promise<CountedPage<ApiToken>> {
    return listApiTokens(ctx, organisationId ?? null, page);
  }

  @Authorized()
  @Mutation(() => CreateApiTokenResult, { description: 'Makes an API token carrying your roles (hub staff: or PROCESSOR of an organisation). Not with a token.' })
  async createApiToken(@Ctx() ctx: RequestContext, @Arg('input', () => CreateApiTokenInput, { description: 'Name and validity.' }) input: CreateApiTokenInput): Promise<CreatedApiToken | AuthRefusal> {
    const result = await createApiToken(ctx, input);
    return result instanceof AuthRefusal ? result : Object.assign(new CreatedApiToken(), result);
  }

  @Authorized()
  @Mutation(() => ApiToken, { description: 'Revokes one of your tokens (hub staff: any).' })
  revokeApiToken(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Token id.' }) id: string): Promise<ApiToken> {
    return revokeApiToken(ctx, id);
  }
}

