import type { Request } from 'express';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../kernel/actor';
import type { AppServices } from '../kernel/services';

/** A range of periods by code (`2026K1` … `2026K4`): a record is in it when its delivery's period lies wholly inside. */
export interface PeriodRange {
  from: string;
  to: string;
}

/**
 * What one fetch may hand over: the held records of these institutions in this registry (or only
 * this sub-delivery), of these periods, and of them only these fields. It comes from an
 * authorisation (machtiging); forwarding itself trusts it and checks nothing more.
 */
export interface ForwardSelection {
  /** The authorisation it was derived from, recorded with the afname. */
  authorisationId: string | null;
  /** The processor organisation fetching. */
  organisationId: string | null;
  institutionIds: string[];
  registryId: string;
  subDeliveryId: string | null;
  periods: PeriodRange | null;
  /** Dictionary field names; identifying fields hold pseudonyms and stay so. */
  fields: string[];
}

export interface SelectionContext {
  services: AppServices;
  em: EntityManager;
  actor: Actor;
  request: Request;
}

/**
 * The authorisation check of a forwarding request: the selection the actor may fetch under the
 * route's `:authorisationId`, or null, answered as 404 whether or not anything exists behind it.
 */
export type ResolveSelection = (context: SelectionContext, params: { authorisationId: string }) => Promise<ForwardSelection | null>;

declare module '../kernel/services' {
  interface AppServices {
    /** The forwarding routes' authorisation check (app/server.ts plugs it in; tests may replace it). */
    forwardingSelection: ResolveSelection;
  }
}
