import type { Language } from '../common/messages';
import { RefusalCode, type Refused, refuse } from '../kernel/refusal';

export const NAME_MAX = 200;
export const PLACE_MAX = 100;
export const REASON_MAX = 500;

/** A trimmed name of 1 to NAME_MAX characters, or NAME_REQUIRED naming `field`. */
export function checkedName(language: Language, name: string, field = 'name'): string | Refused {
  const trimmed = name.trim();
  return trimmed.length > 0 && trimmed.length <= NAME_MAX ? trimmed : refuse(language, RefusalCode.NAME_REQUIRED, { params: { max: NAME_MAX }, field });
}

/** The 8-digit code, or INSTITUTION_CODE_FORMAT naming the field `code`. */
export function checkedCode(language: Language, code: string): string | Refused {
  const trimmed = code.trim();
  return /^[0-9]{8}$/.test(trimmed)
    ? trimmed
    : refuse(language, RefusalCode.INSTITUTION_CODE_FORMAT, { params: { code: trimmed.slice(0, 20) }, field: 'code' });
}

/** A place of at most PLACE_MAX characters (cut there); empty is none. */
export function cleanPlace(place: string | null | undefined): string | null {
  const trimmed = place?.trim().slice(0, PLACE_MAX) ?? '';
  return trimmed || null;
}

/** A reason of 1 to REASON_MAX characters, or REASON_REQUIRED naming the field `reason`. */
export function checkedReason(language: Language, reason: string): string | Refused {
  const trimmed = reason.trim();
  return trimmed.length > 0 && trimmed.length <= REASON_MAX ? trimmed : refuse(language, RefusalCode.REASON_REQUIRED, { field: 'reason' });
}
