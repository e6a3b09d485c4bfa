import type { CookieOptions, Request, Response } from 'express';
import { HOUR } from '../common/clock';

/**
 * `__Host-` cookies must be Secure, which plain http cannot carry; plain http is allowed on
 * localhost only (development), with unprefixed names. Elsewhere login over http is refused.
 */
export function transportOf(request: Request): 'https' | 'localhost' | 'insecure' {
  if (request.secure) return 'https';
  const host = request.hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '::1' || host === '[::1]' ? 'localhost' : 'insecure';
}

function names(request: Request) {
  const secure = transportOf(request) === 'https';
  return {
    session: secure ? '__Host-datahub_session' : 'datahub_session',
    device: secure ? '__Host-datahub_device' : 'datahub_device',
    options: { httpOnly: true, secure, sameSite: 'strict', path: '/' } satisfies CookieOptions,
  };
}

export function readSessionCookie(request: Request): string | null {
  const value: unknown = request.cookies?.[names(request).session];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function readDeviceCookie(request: Request): string | null {
  const value: unknown = request.cookies?.[names(request).device];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The session cookie lives as long as the browser; the server enforces idle and absolute limits. */
export function setSessionCookie(request: Request, response: Response, token: string): void {
  const { session, options } = names(request);
  response.cookie(session, token, options);
}

export function clearSessionCookie(request: Request, response: Response): void {
  const { session, options } = names(request);
  response.clearCookie(session, options);
}

/** The second factor is not asked again for 4 hours on the same browser. */
export const DEVICE_TRUST_MS = 4 * HOUR;

export function setDeviceCookie(request: Request, response: Response, signed: string): void {
  const { device, options } = names(request);
  response.cookie(device, signed, { ...options, maxAge: DEVICE_TRUST_MS });
}

/** After an authenticator reset this browser is no longer trusted to skip the second factor. */
export function clearDeviceCookie(request: Request, response: Response): void {
  const { device, options } = names(request);
  response.clearCookie(device, options);
}
