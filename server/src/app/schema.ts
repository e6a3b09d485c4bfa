import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { ApiTokenResolver } from '../access/api-token.resolver';
import { AuthChecker } from '../access/auth-checker';
import { AuthResolver, SessionResolver } from '../access/auth.resolver';
import { OrganisationResolver } from '../access/organisation.resolver';
import { RoleAssignmentResolver } from '../access/role-assignment.resolver';
import { UserResolver } from '../access/user.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { auditRefusedMutations } from '../audit/refused-mutations';
import { DictionaryResolver } from '../dictionaries/dictionary.resolver';
import { DictionaryPackageResolver } from '../dictionaries/package/package.resolver';
import { RegistryAdminResolver } from '../registries/registry-admin.resolver';
import { FileCheckResolver } from '../file-check/file-check.resolver';
import { DeliveryFieldsResolver } from '../deliveries/delivery-fields.resolver';
import { DeliveryResolver } from '../deliveries/delivery.resolver';
import { overviewResolvers } from '../overviews/module';
import { participationResolvers } from '../participations/module';
import { agreementResolvers } from '../agreements/module';
import { channelResolvers } from '../channels/module';
import { contactResolvers } from '../contacts/module';
import { mergerResolvers } from '../mergers/module';
import { authorisationResolvers } from '../authorisations/module';
import { forwardingResolvers } from '../forwarding/module';
import { noticeResolvers } from '../notices/module';
import { dataRequestResolvers } from '../data-requests/module';
import { entryPortalResolvers } from '../entry-portal/module';
import { InstitutionResolver } from '../institutions/institution.resolver';
import { InstitutionAdminResolver } from '../institutions/institution-admin.resolver';
import { RegistryResolver } from '../registries/registry.resolver';
import { SubDeliveryResolver } from '../registries/sub-delivery.resolver';
import { PeriodResolver } from '../common/period.resolver';
import { ServiceDeskResolver } from '../service-desk/service-desk.resolver';

export const resolvers = [
  InstitutionResolver,
  InstitutionAdminResolver,
  RegistryResolver,
  RegistryAdminResolver,
  SubDeliveryResolver,
  PeriodResolver,
  ServiceDeskResolver,
  AuthResolver,
  SessionResolver,
  UserResolver,
  RoleAssignmentResolver,
  OrganisationResolver,
  ApiTokenResolver,
  AuditResolver,
  DictionaryResolver,
  DictionaryPackageResolver,
  FileCheckResolver,
  DeliveryResolver,
  DeliveryFieldsResolver,
  ...overviewResolvers,
  ...participationResolvers,
  ...agreementResolvers,
  ...contactResolvers,
  ...channelResolvers,
  ...mergerResolvers,
  ...authorisationResolvers,
  ...forwardingResolvers,
  ...noticeResolvers,
  ...dataRequestResolvers,
  ...entryPortalResolvers,
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
  'Query.serviceDesk': "the operator's help link and service desk contact, meant for everyone (also before login); touches no data",
  'Query.dictionaries': "data dictionaries are published specifications for hospitals' IT",
  'Query.dictionary': 'as dictionaries',
  'Query.dictionaryDiff': 'compares published specifications; drafts only for hub staff (checked in the service)',
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

export async function buildDatahubSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers, validate: false, authChecker: AuthChecker, authMode: 'error' });
  const unsafe = unsafeSimpleFields();
  if (unsafe.length) throw new Error(`simple (unwrapped) fields that need type-graphql's wrapper: ${unsafe.join(', ')}`);
  return auditRefusedMutations(schema);
}

/**
 * The plain fields of object types marked `simpleResolvers` (and fields marked `simple`) are read
 * by graphql-js's default resolver: no type-graphql wrapper, so no resolver-data object and
 * middleware dispatch per value, and also no @Authorized and no @UseMiddleware. And the default
 * resolver reads the property named like the schema field. So such a field must carry neither and
 * keep its property's name; this lists the ones that do not (read after the schema is built).
 * Fields with a @FieldResolver keep their wrapper and are not affected.
 */
export function unsafeSimpleFields(): string[] {
  const storage = getMetadataStorage();
  const resolved = (target: object, name: string) =>
    storage.fieldResolvers.some((resolver) => resolver.getObjectType?.() === target && resolver.methodName === name);
  const classes = [...storage.objectTypes, ...storage.interfaceTypes];
  const unsafe: string[] = [];
  for (const type of storage.objectTypes) {
    // The type's own fields and those it inherits, as type-graphql's schema generator collects them.
    const fields = classes
      .filter((other) => other.target === type.target || type.target.prototype instanceof other.target)
      .flatMap((other) => other.fields ?? []);
    for (const field of fields) {
      if (!(field.simple ?? type.simpleResolvers ?? false) || resolved(field.target, field.name)) continue;
      if (field.roles !== undefined || (field.middlewares?.length ?? 0) > 0 || field.schemaName !== field.name) unsafe.push(`${type.name}.${field.schemaName}`);
    }
  }
  return unsafe;
}

/** The committed form of the schema (`schema/schema.graphql`): sorted, so a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** `Query.x` / `Mutation.y` names of every operation that carries @Authorized (read after the schema is built). */
export function authorizedOperations(): Set<string> {
  const storage = getMetadataStorage();
  const declared = (type: 'Query' | 'Mutation', resolvers: typeof storage.queries) =>
    resolvers
      .filter((resolver) => storage.authorizedFields.some((field) => field.target === resolver.target && field.fieldName === resolver.methodName))
      .map((resolver) => `${type}.${resolver.schemaName}`);
  return new Set([...declared('Query', storage.queries), ...declared('Mutation', storage.mutations)]);
}

/** Every query and mutation of a schema as `Query.x` / `Mutation.y`. */
export function operationsOf(schema: GraphQLSchema): string[] {
  return (['Query', 'Mutation'] as const).flatMap((name) => {
    const type = name === 'Query' ? schema.getQueryType() : schema.getMutationType();
    return Object.keys(type?.getFields() ?? {}).map((field) => `${name}.${field}`);
  });
}
