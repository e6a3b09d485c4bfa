import type { RequestContext } from '../kernel/context';
import { Registry } from './registry.entity';

export async function listRegistries(ctx: RequestContext): Promise<Registry[]> {
  return ctx.em.find(Registry, {}, { orderBy: { code: 'asc' } });
}

export async function findRegistryByCode(ctx: RequestContext, code: string): Promise<Registry | null> {
  return ctx.em.findOne(Registry, { code });
}
