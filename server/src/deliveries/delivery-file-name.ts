/**
 * Bidirectional controls (Unicode Bidi_Control: U+061C, U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069) and control characters (C0, DEL, C1). A right-to-left override makes a name show
 * in another order than it is: "uitvoer\u202Egpj.csv" is shown as "uitvoerjpg.csv".
 */
const INVISIBLE = /[\p{Bidi_Control}\p{Cc}]/gu;
/** The column's length, in characters (code points, as PostgreSQL counts them). */
const MAX_LENGTH = 255;

export interface CleanedFileName {
  /** The name as the hub reads, checks, stores and shows it. */
  name: string;
  /** The characters left out, as `U+202E`, each once, in order of appearance. */
  removed: string[];
}

/**
 * A delivery's file name without bidirectional and control characters, at most 255 characters.
 * Such a name is not refused: the characters carry nothing a file name needs and the person
 * delivering cannot see them, so the upload leaves them out and reads, checks and stores the name
 * without them; what the console and exports show is then exactly what was checked. The name
 * check (checkDeliveryFileName) says which ones it leaves out.
 */
export function cleanFileName(raw: string): CleanedFileName {
  const removed = [...new Set(raw.match(INVISIBLE) ?? [])].map(
    (character) => `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  const characters = Array.from(raw.replace(INVISIBLE, ''));
  return { name: characters.slice(0, MAX_LENGTH).join(''), removed };
}
