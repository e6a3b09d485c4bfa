import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { parseIsoDate } from './calendar';
import { Period, PeriodParseError } from './period';

function invalidInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function stringLiteral(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw invalidInput(`${scalar} must be written as a string, e.g. "2026K1".`);
  return ast.value;
}

function parsePeriod(value: unknown): Period {
  if (typeof value !== 'string') throw invalidInput('Period must be a string, e.g. "2026K1".');
  try {
    return Period.parse(value);
  } catch (error) {
    if (error instanceof PeriodParseError) throw invalidInput(error.message);
    throw error;
  }
}

export const PeriodScalar = new GraphQLScalarType<Period, string>({
  name: 'Period',
  description:
    'A delivery period: a month `2026M03`, a quarter `2026K1`, a half year `2026H1`, a year `2026`, or `TOTAAL` ' +
    '(everything delivered so far). Anything else is refused with BAD_USER_INPUT.',
  serialize(value) {
    if (value instanceof Period) return value.code;
    if (typeof value === 'string') return Period.parse(value).code;
    throw new TypeError('Period scalar can only serialise a Period.');
  },
  parseValue: parsePeriod,
  parseLiteral: (ast) => parsePeriod(stringLiteral(ast, 'Period')),
});

function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string' || parseIsoDate(value) === null) {
    throw invalidInput(`${JSON.stringify(value)} is not a date: write a real calendar date as YYYY-MM-DD.`);
  }
  return value;
}

/** A calendar day without time or zone, as `YYYY-MM-DD` (deadlines, validity, delivery dates). */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time or time zone, written `YYYY-MM-DD` (e.g. `2026-05-01`).',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseLocalDate(value);
  },
  parseValue: parseLocalDate,
  parseLiteral: (ast) => parseLocalDate(stringLiteral(ast, 'Date')),
});
