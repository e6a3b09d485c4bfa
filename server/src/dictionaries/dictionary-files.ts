/**
 * Loads every data dictionary under `dictionaries/` (layout in dictionaries/README.md), checks each
 * file against `dictionary.schema.json` and for consistency, and resolves reference tables and the
 * common checks. A broken dictionary throws a DictionaryFileError naming the file, the JSON path
 * inside it and what is wrong, so the server refuses to start on it.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { compileDictionary, type CompiledDictionary } from '@datahub/validation';
import type { CommonChecks, DictionaryDefinition, LocalizedText, ReferenceTable, ResolvedDictionary } from '@datahub/validation';
import { checkCommonChecks, checkDictionaryIntegrity, checkReferenceTable } from './dictionary-files-integrity';
import { DictionaryFileError, DictionarySchema } from './dictionary-files-schema';

export { DictionaryFileError } from './dictionary-files-schema';

/** `dictionaries/<REGISTRY>/registry.json`. */
export interface RegistryFile {
  code: string;
  name: LocalizedText;
  holder: string;
  producesInformationProduct: boolean;
  source: string;
  channels: Array<'PORTAL' | 'FHIR' | 'ENTRY_PORTAL'>;
  subDeliveries: Array<{ code: string; name: LocalizedText }>;
}

export interface LoadedDictionary {
  registry: string;
  subDelivery: string;
  version: string;
  /** Absolute path of the dictionary.json. */
  file: string;
  registryFile: RegistryFile;
  dictionary: ResolvedDictionary;
  compiled: CompiledDictionary;
}

/** The repository's `dictionaries/` (same depth from server/src/dictionaries and server/dist/dictionaries). */
export const DEFAULT_DICTIONARIES_DIR = path.resolve(__dirname, '../../../dictionaries');

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DictionaryFileError(file, '/', `not valid JSON (${(error as Error).message})`);
  }
}

async function subdirectories(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

async function loadTables(dir: string, schema: DictionarySchema): Promise<Map<string, ReferenceTable>> {
  const tables = new Map<string, ReferenceTable>();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return tables;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const table = await readJson(file);
    schema.check('referenceTable', file, table);
    checkReferenceTable(file, table as ReferenceTable, name.slice(0, -'.json'.length));
    tables.set((table as ReferenceTable).name, table as ReferenceTable);
  }
  return tables;
}

/** What every dictionary is checked and resolved with: the schema, the common checks, the common reference tables. */
export interface Shared {
  schema: DictionarySchema;
  common: CommonChecks;
  commonTables: Map<string, ReferenceTable>;
}

async function loadDictionary(dir: string, registryFile: RegistryFile, subDelivery: string, version: string, shared: Shared): Promise<LoadedDictionary> {
  const file = path.join(dir, 'dictionary.json');
  const document = await readJson(file);
  shared.schema.check('dictionary', file, document);
  const definition = document as DictionaryDefinition & { $schema?: string };
  const expected: Array<[keyof DictionaryDefinition, string]> = [['registry', registryFile.code], ['subDelivery', subDelivery], ['version', version]];
  for (const [key, value] of expected) {
    if (definition[key] !== value) throw new DictionaryFileError(file, `/${key}`, `"${String(definition[key])}" differs from its directory "${value}"`);
  }
  const localTables = await loadTables(path.join(dir, 'reference-tables'), shared.schema);
  const tableNames = new Set([...shared.commonTables.keys(), ...localTables.keys()]);
  checkDictionaryIntegrity(file, definition, tableNames, shared.common);
  const dictionary = resolveDictionary(definition, localTables, shared);
  return { registry: registryFile.code, subDelivery, version, file, registryFile, dictionary, compiled: compileDictionary(dictionary) };
}

/** A checked dictionary with the reference tables its fields use (its own before the common ones) and the common checks. */
export function resolveDictionary(definition: DictionaryDefinition & { $schema?: string }, localTables: ReadonlyMap<string, ReferenceTable>, shared: Shared): ResolvedDictionary {
  const used = [...new Set(definition.fields.flatMap((f) => (f.referenceTable ? [f.referenceTable] : [])))];
  const { $schema: _schema, ...plain } = definition;
  return {
    ...plain,
    referenceTables: used.map((name) => (localTables.get(name) ?? shared.commonTables.get(name))!),
    common: shared.common,
  };
}

async function loadRegistryFile(dir: string, code: string, shared: Shared): Promise<RegistryFile> {
  const file = path.join(dir, 'registry.json');
  const registryFile = await readJson(file);
  shared.schema.check('registry', file, registryFile);
  const registry = registryFile as RegistryFile;
  if (registry.code !== code) throw new DictionaryFileError(file, '/code', `"${registry.code}" differs from its directory "${code}"`);
  return registry;
}

function checkListed(dir: string, registry: RegistryFile, subDelivery: string): void {
  if (!registry.subDeliveries.some((s) => s.code === subDelivery)) {
    throw new DictionaryFileError(path.join(dir, 'registry.json'), '/subDeliveries', `directory ${subDelivery} is not a listed sub-delivery`);
  }
}

async function loadRegistry(dir: string, code: string, shared: Shared): Promise<LoadedDictionary[]> {
  const registry = await loadRegistryFile(dir, code, shared);
  const loaded: LoadedDictionary[] = [];
  for (const subDelivery of await subdirectories(dir)) {
    checkListed(dir, registry, subDelivery);
    for (const version of await subdirectories(path.join(dir, subDelivery))) {
      loaded.push(await loadDictionary(path.join(dir, subDelivery, version), registry, subDelivery, version, shared));
    }
  }
  return loaded;
}

/** The schema, the common checks and the common reference tables: what every dictionary needs. */
export async function loadShared(dir: string = DEFAULT_DICTIONARIES_DIR): Promise<Shared> {
  const schema = new DictionarySchema((await readJson(path.join(dir, 'dictionary.schema.json'))) as object);
  const commonFile = path.join(dir, 'common', 'checks.json');
  const common = await readJson(commonFile);
  schema.check('commonChecks', commonFile, common);
  checkCommonChecks(commonFile, common as CommonChecks);
  return { schema, common: common as CommonChecks, commonTables: await loadTables(path.join(dir, 'common', 'reference-tables'), schema) };
}

/** Loads, checks and resolves every dictionary under `dir`; throws DictionaryFileError on the first broken file. */
export async function loadDictionaries(dir: string = DEFAULT_DICTIONARIES_DIR): Promise<LoadedDictionary[]> {
  const shared = await loadShared(dir);
  const loaded: LoadedDictionary[] = [];
  for (const registry of await subdirectories(dir)) {
    if (registry === 'common') continue;
    loaded.push(...(await loadRegistry(path.join(dir, registry), registry, shared)));
  }
  return loaded;
}

/** A dictionary's place under `dictionaries/`: REGISTRY/SubDelivery/version. */
export interface DictionaryRef {
  registry: string;
  subDelivery: string;
  version: string;
}

/** The dictionaries under `dir` as their directories name them, without reading or checking any file. */
export async function listDictionaries(dir: string = DEFAULT_DICTIONARIES_DIR): Promise<DictionaryRef[]> {
  const refs: DictionaryRef[] = [];
  for (const registry of await subdirectories(dir)) {
    if (registry === 'common') continue;
    for (const subDelivery of await subdirectories(path.join(dir, registry))) {
      for (const version of await subdirectories(path.join(dir, registry, subDelivery))) refs.push({ registry, subDelivery, version });
    }
  }
  return refs;
}

/**
 * Loads, checks and resolves one dictionary (with the shared files and its registry's file), as
 * loadDictionaries does for all of them: for a command that needs only the one it was asked for.
 */
export async function loadOneDictionary(dir: string, ref: DictionaryRef): Promise<LoadedDictionary> {
  const shared = await loadShared(dir);
  const registryDir = path.join(dir, ref.registry);
  const registry = await loadRegistryFile(registryDir, ref.registry, shared);
  checkListed(registryDir, registry, ref.subDelivery);
  return loadDictionary(path.join(registryDir, ref.subDelivery, ref.version), registry, ref.subDelivery, ref.version, shared);
}

/** The dictionary for `REGISTRY/SubDelivery/version`, or for a registry and version (unique per registry, as in file names). */
export function findDictionary<T extends DictionaryRef>(
  dictionaries: readonly T[],
  wanted: { registry: string; subDelivery?: string; version: string },
): T | undefined {
  return dictionaries.find(
    (d) => d.registry === wanted.registry && d.version === wanted.version && (wanted.subDelivery === undefined || d.subDelivery === wanted.subDelivery),
  );
}
