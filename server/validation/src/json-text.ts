/**
 * A string as a JSON string literal, exactly as `JSON.stringify(string)` writes it (ES2019
 * well-formed JSON.stringify): `"` and `\` escaped, control characters below U+0020 as \b \t \n \f
 * \r or \u00xx (lower-case hex), a lone surrogate as \udxxx, everything else as it is (U+2028 and
 * U+2029 included). The report writer builds each JSON line from such pieces instead of
 * stringifying an object made for the purpose.
 */
export function jsonString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || unit === 0x22 || unit === 0x5c || (unit >= 0xd800 && unit <= 0xdfff)) return `"${escapeFrom(text, i)}"`;
  }
  return `"${text}"`;
}

const SHORT: Readonly<Record<number, string>> = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

function unicodeEscape(unit: number): string {
  return `\\u${unit.toString(16).padStart(4, '0')}`;
}

/** The text with everything from `from` on escaped (nothing before it needs escaping). */
function escapeFrom(text: string, from: number): string {
  let out = text.slice(0, from);
  let plainFrom = from;
  for (let i = from; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let escaped: string | undefined;
    if (unit < 0x20 || unit === 0x22 || unit === 0x5c) escaped = SHORT[unit] ?? unicodeEscape(unit);
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a pair: both halves stay as they are
        continue;
      }
      escaped = unicodeEscape(unit);
    } else if (unit >= 0xdc00 && unit <= 0xdfff) escaped = unicodeEscape(unit);
    if (escaped === undefined) continue;
    out += text.slice(plainFrom, i) + escaped;
    plainFrom = i + 1;
  }
  return out + text.slice(plainFrom);
}
