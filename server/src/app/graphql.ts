import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLSchema } from 'graphql';
import type { RequestContext } from '../kernel/context';
import { createErrorFormatter } from '../kernel/errors';
import type { Logger } from '../kernel/logger';

/** Limits per OWASP ASVS 4.3.1; generous for the console's real queries, far below abuse. */
export const GRAPHQL_LIMITS = { maxDepth: 12, maxAliases: 15, maxDirectives: 20, maxTokens: 5000, maxCost: 10000 };

/** Apollo Server with the production settings of docs/security.md#apollo-server from day one. */
export function createApolloServer(schema: GraphQLSchema, options: { production: boolean; logger: Logger }) {
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, exposeLimits: !options.production },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, exposeLimits: !options.production },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, exposeLimits: !options.production },
    maxTokens: { n: GRAPHQL_LIMITS.maxTokens, exposeLimits: !options.production },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, exposeLimits: !options.production },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  return new ApolloServer<RequestContext>({
    ...protection,
    schema,
    introspection: !options.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(options.logger),
    stopOnTerminationSignals: false,
    logger: options.logger,
    plugins: [
      ...protection.plugins,
      // Apollo installs these unasked. Cache control wraps every field resolver to compute cache
      // hints this API never sets (no @cacheControl), only to send `Cache-Control: no-store`,
      // which app/http.ts now sets for every /graphql answer. Usage reporting and inline traces
      // would send operations to Apollo's cloud if an APOLLO_KEY or a gateway ever appeared.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    validationRules: [...protection.validationRules],
  });
}
