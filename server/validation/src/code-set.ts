/**
 * A reference table's codes, for membership tests on values fresh from the parser. `Set.has` on a
 * new string first computes V8's own hash of it; an FNV-1a hash over the (few) code units and an
 * open-addressing table of the codes costs a third of that, and a CAT record makes seven such
 * tests. Compared with `===`, so the match is exact like the Set's.
 */
export class CodeSet {
  private readonly slots: Array<string | null>;
  private readonly mask: number;

  constructor(codes: Iterable<string>) {
    const unique = [...new Set(codes)];
    let capacity = 8;
    while (capacity < unique.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Array<string | null>(capacity).fill(null);
    for (const code of unique) {
      let at = hash(code) & this.mask;
      while (this.slots[at] !== null) at = (at + 1) & this.mask;
      this.slots[at] = code;
    }
  }

  has(value: string): boolean {
    let at = hash(value) & this.mask;
    for (;;) {
      const code = this.slots[at];
      if (code === null) return false;
      if (code === value) return true;
      at = (at + 1) & this.mask;
    }
  }
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}
