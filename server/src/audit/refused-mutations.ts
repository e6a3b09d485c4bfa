import { type GraphQLFieldResolver, type GraphQLSchema, getNamedType, isUnionType } from 'graphql';
import type { RequestContext } from '../kernel/context';
import { isRefusal } from '../kernel/refusal';
import { isUuid } from '../common/ids';
import { recordRefusedChange, refusalAudited } from './audit.service';

/** Argument names whose object kind is not their own name capitalised. */
const ARGUMENT_OBJECTS: Record<string, string> = { assignmentId: 'RoleAssignment', linkId: 'ProcessorLink' };

/** The object a mutation is about, from its arguments: `userId` → a User; `id` → its result's success type (e.g. Session). */
function objectOf(args: Record<string, unknown>, resultType: string | null): { objectType: string | null; objectId: string | null; ofUser: string | null } {
  for (const [name, value] of Object.entries(args)) {
    if (typeof value !== 'string' || value.length > 200) continue;
    if (name === 'id') return { objectType: resultType, objectId: value, ofUser: null };
    if (name.endsWith('Id')) {
      const objectType = ARGUMENT_OBJECTS[name] ?? name.charAt(0).toUpperCase() + name.slice(1, -2);
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
    // The success member of the result union (the one type that does not implement Refusal).
    const named = getNamedType(field.type);
    const successes = isUnionType(named) ? named.getTypes().filter((type) => !type.getInterfaces().some((face) => face.name === 'Refusal')) : [];
    const resultType = successes.length === 1 ? (successes[0]?.name ?? null) : null;
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
