import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Versions of groups of data that in-process caches depend on (table `data_version`, migration
 * 20261123183134): triggers bump a group's version in every transaction that changes its data,
 * deferred to commit, in whatever process the change happens. A request reads all versions once,
 * in one statement; a cached value computed at an older version is not used.
 *
 * - `overview`: participations, schedules, deadline exceptions, registries, sub-deliveries,
 *   institutions, and deliveries with a final verdict;
 * - `access`: API tokens (not their last use), users, role assignments, organisations, institutions;
 * - `dictionary`: dictionary versions (uploads, publications, dates; migration 20261203130000).
 */
export type DataVersionName = 'overview' | 'access' | 'dictionary';
export type DataVersions = Record<DataVersionName, bigint>;

const perRequest = new WeakMap<object, Promise<DataVersions>>();
/** The same versions once read, for callers that must not wait (see `readDataVersions`). */
const readPerRequest = new WeakMap<object, DataVersions>();

/** The versions this request has read already, without waiting: undefined before the read completed. */
export function readDataVersions(request: object): DataVersions | undefined {
  return readPerRequest.get(request);
}

/** The versions as this request first read them (`request`: the HTTP request object, one read per request). */
export function dataVersions(em: EntityManager, request: object): Promise<DataVersions> {
  let versions = perRequest.get(request);
  if (!versions) {
    versions = em.execute<{ name: DataVersionName; version: string }[]>('select name, version::text as version from data_version').then((rows) => {
      const read: DataVersions = { overview: 0n, access: 0n, dictionary: 0n };
      for (const row of rows) read[row.name] = BigInt(row.version);
      readPerRequest.set(request, read);
      return read;
    });
    perRequest.set(request, versions);
  }
  return versions;
}

/**
 * Values valid for one version of their data, least recently used dropped beyond `maxEntries`.
 * A newer version empties the cache; a request that read an older one than the cache holds gets
 * no cached value and stores none. No TTL: the version alone decides.
 */
export class VersionedCache<T> {
  private version: bigint | null = null;
  private readonly entries = new Map<string, T>();

  constructor(private readonly maxEntries: number) {}

  /** The value for `key` at `version`, if there is one (and marks it recently used). */
  peek(version: bigint, key: string): T | undefined {
    if (!this.current(version)) return undefined;
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  set(version: bigint, key: string, value: T): void {
    if (!this.current(version)) return;
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string, value: T): void {
    if (this.entries.get(key) === value) this.entries.delete(key);
  }

  /** Whether `version` is the cache's version, after emptying the cache for a newer one. */
  private current(version: bigint): boolean {
    if (this.version === null || version > this.version) {
      this.entries.clear();
      this.version = version;
    }
    return version === this.version;
  }
}
