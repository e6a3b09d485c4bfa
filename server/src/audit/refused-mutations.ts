import { type GraphQLFieldResolver, type GraphQLSchema, getNamedType } from 'graphql';
import type { RequestContext } from '../kernel/context';
import { isRefusal } from '../kernel/refusal';
import { isUuid } from '../common/ids';
import { recordRefusedChange, refusalAudited } from './audit.service';

/** The object a mutation is about, from its arguments: `userId` → a User; `id` → the type its result union is named after. */
function objectOf(args: Record<string, unknown>, resultType: string): { objectType: string | null; objectId: string | null; ofUser: string | null } {
  for (const [name, value] of Object.entries(args)) {
    if (typeof value !== 'string' || value.length > 200) continue;
    if (name === 'id') return { objectType: resultType.replace(/Result$/, '') || null, objectId: value, ofUser: null };
    if (name.endsWith('Id')) {
      const objectType = name.charAt(0).toUpperCase() + name.slice(1, -2);
      return { objectType, objectId: value, ofUser: objectType === 'User' && isUuid(value) ? value : null };
    }
  }
  return { objectType: null, objectId: null, ofUser: null };
}

/**
 * Every refused mutation is audited here, in one place: when a mutation answers a refusal and its
 * service has not audited that refusal itself (an authorisation refusal, a failed login step), a
 * REFUSAL row is written with the mutation's name as action and the refusal code as detail,
 * through a fork of its own so it stays when the mutation's transaction rolled back. Wraps the
 * resolvers of the schema's Mutation type once, after type-graphql built them.
 */
export function auditRefusedMutations(schema: GraphQLSchema): GraphQLSchema {
  const fields = schema.getMutationType()?.getFields() ?? {};
  for (const field of Object.values(fields)) {
    const resolve = field.resolve as GraphQLFieldResolver<unknown, RequestContext> | undefined;
    if (!resolve) continue;
    const resultType = getNamedType(field.type).name;
    field.resolve = async (source, args: Record<string, unknown>, ctx: RequestContext, info) => {
      const result: unknown = await resolve(source, args, ctx, info);
      if (isRefusal(result) && !refusalAudited(ctx.actor, field.name)) {
        await recordRefusedChange(ctx, { action: field.name, code: result.code, ...objectOf(args, resultType) });
      }
      return result;
    };
  }
  return schema;
}
