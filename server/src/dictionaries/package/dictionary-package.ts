/**
 * A dictionary package (docs/dictionary-packages.md): one JSON document with a sub-delivery's
 * dictionary at one version, its own reference tables, and example files with the outcome each must
 * give. Checked exactly as the start-up load checks the files under `dictionaries/` (same schema,
 * same integrity checks), but reporting every problem with its JSON path instead of the first.
 */
import { compileDictionary, type CompiledDictionary, type DictionaryDefinition, type ReferenceTable, type ResolvedDictionary } from '@datahub/validation';
import { dictionaryIntegrityProblems, referenceTableProblems } from '../dictionary-files-integrity';
import { resolveDictionary, type Shared } from '../dictionary-files';
import type { DocumentProblem } from '../dictionary-files-schema';
import { type PackageProblem, toJsonPath } from './json-path';
import { exampleProblems, type PackageExamples } from './package-examples';

export interface DictionaryPackage {
  format: string;
  description?: string;
  dictionary: DictionaryDefinition & { $schema?: string };
  referenceTables: ReferenceTable[];
  examples: PackageExamples;
}

export type { PackageProblem };

/** A dictionary as the catalogue holds it, shipped or uploaded. */
export interface CatalogueEntry {
  registry: string;
  subDelivery: string;
  version: string;
  dictionary: ResolvedDictionary;
  compiled: CompiledDictionary;
}

/** Problems under `prefix` (a JSON Pointer) as package problems. */
function at(prefix: string, problems: readonly DocumentProblem[]): PackageProblem[] {
  return problems.map(([pointer, message]) => ({ path: toJsonPath(`${prefix}${pointer === '/' ? '' : pointer}`), message }));
}

function tableProblems(tables: readonly ReferenceTable[]): PackageProblem[] {
  const problems: PackageProblem[] = [];
  const names = new Set<string>();
  tables.forEach((table, i) => {
    if (names.has(table.name)) problems.push({ path: `$.referenceTables[${i}].name`, message: `table ${table.name} occurs twice` });
    names.add(table.name);
    problems.push(...at(`/referenceTables/${i}`, referenceTableProblems(table)));
  });
  return problems;
}

/** The package's dictionary resolved and compiled, or every problem of its structure and content. */
export function resolvePackage(shared: Shared, document: unknown, target: { registry: string; subDelivery: string }): CatalogueEntry | PackageProblem[] {
  const schemaProblems = shared.schema.problems('package', document);
  if (schemaProblems.length > 0) return at('', schemaProblems);
  const pkg = document as DictionaryPackage;
  const definition = pkg.dictionary;
  const problems: PackageProblem[] = [];
  if (definition.registry !== target.registry) problems.push({ path: '$.dictionary.registry', message: `"${definition.registry}" differs from the registry uploaded to, ${target.registry}` });
  if (definition.subDelivery !== target.subDelivery)
    problems.push({ path: '$.dictionary.subDelivery', message: `"${definition.subDelivery}" differs from the sub-delivery uploaded to, ${target.subDelivery}` });
  problems.push(...tableProblems(pkg.referenceTables));
  const localTables = new Map(pkg.referenceTables.map((table) => [table.name, table]));
  const tableNames = new Set([...shared.commonTables.keys(), ...localTables.keys()]);
  problems.push(...at('/dictionary', dictionaryIntegrityProblems(definition, tableNames, shared.common)));
  if (problems.length > 0) return problems;
  const dictionary = resolveDictionary(definition, localTables, shared);
  return { registry: definition.registry, subDelivery: definition.subDelivery, version: definition.version, dictionary, compiled: compileDictionary(dictionary) };
}

/** Checks a package through and through: structure and content, then its examples through the engine. */
export async function checkPackage(shared: Shared, document: unknown, target: { registry: string; subDelivery: string }): Promise<CatalogueEntry | PackageProblem[]> {
  const resolved = resolvePackage(shared, document, target);
  if (Array.isArray(resolved)) return resolved;
  const problems = await exampleProblems(resolved.compiled, (document as DictionaryPackage).examples);
  return problems.length > 0 ? problems : resolved;
}
