import { hasRole } from '../access/session';

/** Only for showing things: the server decides what each caller gets. */
export function isHubStaff(): boolean {
  return hasRole('HUB_STAFF');
}
