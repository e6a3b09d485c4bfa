import type { RequestContext } from '../../kernel/context';
import { dataVersions, VersionedCache } from '../../common/data-versions';

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

  async get<T>(ctx: Pick<RequestContext, 'em' | 'request'>, key: string, compute: () => Promise<T>): Promise<T> {
    const { overview: version } = await dataVersions(ctx.em, ctx.request);
    const found = this.cache.peek(version, key);
    if (found) return found as Promise<T>;
    const value = compute();
    this.cache.set(version, key, value);
    value.catch(() => this.cache.delete(key, value));
    return value;
  }
}

/** A stable text for a key (objects with their keys in a fixed order). */
export function keyOf(...parts: unknown[]): string {
  return JSON.stringify(parts, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

declare module '../../kernel/services' {
  interface AppServices {
    /** Computed overview results of this process, invalidated through the database. */
    overviewCache: OverviewCache;
  }
}
