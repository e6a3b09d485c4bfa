import 'reflect-metadata';
import { type GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { InstitutionResolver } from '../institutions/institution.resolver';
import { RegistryResolver } from '../registries/registry.resolver';
import { SubDeliveryResolver } from '../registries/sub-delivery.resolver';
import { PeriodResolver } from '../shared/period.resolver';

export const resolvers = [InstitutionResolver, RegistryResolver, SubDeliveryResolver, PeriodResolver] as const;

export function buildDatahubSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: false });
}

/** The committed form of the schema (`schema/schema.graphql`): sorted, so a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
