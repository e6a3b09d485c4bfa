import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ApiTokenResolver } from '../access/api-token.resolver';
import { AuthChecker } from '../access/auth-checker';
import { AuthResolver, SessionResolver } from '../access/auth.resolver';
import { OrganisationResolver } from '../access/organisation.resolver';
import { RoleAssignmentResolver } from '../access/role-assignment.resolver';
import { UserResolver } from '../access/user.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { InstitutionResolver } from '../institutions/institution.resolver';
import { RegistryResolver } from '../registries/registry.resolver';
import { SubDeliveryResolver } from '../registries/sub-delivery.resolver';
import { PeriodResolver } from '../shared/period.resolver';

export const resolvers = [
  InstitutionResolver,
  RegistryResolver,
  SubDeliveryResolver,
  PeriodResolver,
  AuthResolver,
  SessionResolver,
  UserResolver,
  RoleAssignmentResolver,
  OrganisationResolver,
  ApiTokenResolver,
  AuditResolver,
] as const;

/**
 * Operations anyone may call without logging in. Each needs its reason: the contract test fails
 * for any other query or mutation without @Authorized.
 */
export const PUBLIC_OPERATIONS: Record<string, string> = {
  'Query.me': 'tells the console whether and how far someone is logged in',
  'Query.registries': 'registries and their dictionaries are published specifications',
  'Query.registry': 'as registries',
  'Query.period': 'parses a period code; touches no data',
  'Mutation.login': 'the way in',
  'Mutation.startTotpSetup': 'second-factor step; needs a pending login',
  'Mutation.verifyTotp': 'second-factor step; needs a pending login',
  'Mutation.sendEmailCode': 'second-factor step; needs a pending login',
  'Mutation.verifyEmailCode': 'second-factor step; needs a pending login',
  'Mutation.logout': 'ends whatever session the cookie names',
  'Mutation.requestPasswordReset': 'the way back in; answers the same for unknown addresses',
  'Mutation.resetPassword': 'the mailed token is the proof',
  'Mutation.acceptInvitation': 'the mailed token is the proof',
};

export function buildDatahubSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: false, authChecker: AuthChecker, authMode: 'error' });
}

/** The committed form of the schema (`schema/schema.graphql`): sorted, so a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
