import type { RequestContext } from '../../kernel/context';
import { dataVersions, readDataVersions, VersionedCache } from '../../common/data-versions';

/** Enough for every institution's overview in a few `asOf`s and page sizes, plus completeness views; a few MB. */
const MAX_ENTRIES = 5000;

/**
 * Computed overview results (overview pages, expected deliveries, completeness), kept in this
 * process for one `overview` data version (common/data-versions.ts): every change they depend on
 * bumps it when it commits, and each request reads it once, so a request never sees a result
 * older than the data committed before it began. Keys carry the caller's scope (grants) and every
 * argument. Concurrent requests for the same key share one computation.
 */
export class OverviewCache {
  private readonly cache = new VersionedCache<Promise<unknown>>(MAX_ENTRIES);

  /**
   * The value for `key` at this request's `overview` version, computed once. Not an async function:
   * once the request has read its versions (after its first lookup, or the bearer token's), a hit
   * hands back the held promise without a promise and an await of its own.
   */
  get<T>(ctx: Pick<RequestContext, 'em' | 'request'>, key: string, compute: () => Promise<T>): Promise<T> {
    const read = readDataVersions(ctx.request);
    if (read) return this.lookup(read.overview, key, compute);
    return dataVersions(ctx.em, ctx.request).then(({ overview }) => this.lookup(overview, key, compute));
  }

  private lookup<T>(version: bigint, key: string, compute: () => Promise<T>): Promise<T> {
    const found = this.cache.peek(version, key);
    if (found) return found as Promise<T>;
    const value = compute();
    this.cache.set(version, key, value);
    value.catch(() => this.cache.delete(key, value));
    return value;
  }
}

/**
 * A stable text for a key: JSON with every object's keys in one fixed order (code-unit order),
 * what JSON leaves out left out (undefined, functions) and `toJSON` applied as JSON does, so
 * distinct values give distinct texts. Written out rather than JSON.stringify with a sorting
 * replacer, which cost about three times as much (localeCompare and a copy of every object).
 */
export function keyOf(...parts: unknown[]): string {
  return stableJson(parts);
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const toJson = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJson === 'function') return stableJson((toJson as () => unknown).call(value));
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) text += (i ? ',' : '') + (omitted(value[i]) ? 'null' : stableJson(value[i]));
    return text + ']';
  }
  let text = '{';
  for (const name of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[name];
    if (omitted(item)) continue;
    text += (text.length > 1 ? ',' : '') + JSON.stringify(name) + ':' + stableJson(item);
  }
  return text + '}';
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

declare module '../../kernel/services' {
  interface AppServices {
    /** Computed overview results of this process, invalidated through the database. */
    overviewCache: OverviewCache;
  }
}
