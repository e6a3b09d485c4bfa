/**
 * Duplicate record keys (005) in bounded memory.
 *
 * Design: every key is hashed to a 96-bit digest (three independent 32-bit hashes) kept in an
 * open-addressing table (one Int32Array) with the record number of its first occurrence: 16 bytes a
 * slot at a load of at most 1/2, plus a one-byte tag per slot, so 34 MB for a million distinct keys
 * (51 MB while growing), whatever the key length, and no JS object or string per key. A repeated
 * digest is reported at once for the later record; the first occurrences are only known at the
 * end, so the engine reads the file a second time up to the last such record to give them their
 * 005 line with their own key columns (docs/registries/README.md#order-of-checks: "005 puts a line on every occurrence of a
 * duplicated key, the first included"). Two different keys share a digest with probability about
 * n²/2⁹⁷ (≈ 6·10⁻¹⁸ for a million records), far below any other failure; in exchange no key is
 * ever held in memory.
 *
 * Speed: a table this size does not fit in the CPU caches, so each lookup in it is a cache miss,
 * and that miss was most of 005's cost. The tags (8 bits of the digest, 0 meaning empty) are a
 * sixteenth of its size and mostly stay cached: a probe reads the big table only when a tag
 * matches (a repeated key, or 1 in 255 by chance), and a new key only writes to it, which the CPU
 * does not wait for.
 */

const EMPTY = 0;
/** Ints per slot: digest a, b, c, then the first record number (negated once the key repeats). */
const SLOT = 4;

export class DuplicateKeyIndex {
  private capacity: number;
  private size = 0;
  /** One slot per key, its four ints side by side so that a lookup touches one cache line. */
  private slots: Int32Array;
  /** Per slot: 0 while empty, else 1–255 from the digest. */
  private tags: Uint8Array;

  constructor(initialCapacity = 1 << 16) {
    this.capacity = initialCapacity;
    this.slots = new Int32Array(initialCapacity * SLOT);
    this.tags = new Uint8Array(initialCapacity);
  }

  /** Adds a record's key; returns 0 the first time, else the record number of its first occurrence. */
  add(key: string, recordNumber: number): number {
    hashKey(key);
    if ((this.size + 1) * 2 > this.capacity) this.grow();
    const slot = this.find(digestA, digestB, digestC);
    const at = slot * SLOT;
    if (this.tags[slot] !== EMPTY) {
      const first = this.slots[at + 3]!;
      if (first > 0) this.slots[at + 3] = -first;
      return Math.abs(first);
    }
    this.tags[slot] = tagOf(digestC);
    this.slots[at] = digestA;
    this.slots[at + 1] = digestB;
    this.slots[at + 2] = digestC;
    this.slots[at + 3] = recordNumber;
    this.size++;
    return 0;
  }

  /** Record numbers of the first occurrences of keys seen more than once, ascending. */
  firstOccurrencesOfDuplicates(): Int32Array {
    const found: number[] = [];
    for (let at = 3; at < this.slots.length; at += SLOT) if (this.slots[at]! < 0) found.push(-this.slots[at]!);
    return Int32Array.from(found).sort();
  }

  /** Bytes held by the table, for the benchmark's report. */
  get bytes(): number {
    return this.slots.byteLength + this.tags.byteLength;
  }

  /** The digest's slot, or the empty slot where it belongs. */
  private find(a: number, b: number, c: number): number {
    const mask = this.capacity - 1;
    const tag = tagOf(c);
    const tags = this.tags;
    let slot = (a ^ (b >>> 7)) & mask;
    for (;;) {
      const seen = tags[slot]!;
      if (seen === EMPTY) return slot;
      if (seen === tag) {
        const at = slot * SLOT;
        if (this.slots[at] === a && this.slots[at + 1] === b && this.slots[at + 2] === c) return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Makes room for `keys` keys at once (a no-op when there is room). Growing to the final size in
   * one step instead of doubling there touches fresh memory once: on a VM, the page faults of the
   * intermediate tables were most of the cost of growing.
   */
  reserve(keys: number): void {
    let capacity = this.capacity;
    while (keys * 2 > capacity) capacity *= 2;
    if (capacity > this.capacity) this.resize(capacity);
  }

  private grow(): void {
    this.resize(this.capacity * 2);
  }

  private resize(capacity: number): void {
    const old = this.slots;
    const oldTags = this.tags;
    this.capacity = capacity;
    this.slots = new Int32Array(this.capacity * SLOT);
    this.tags = new Uint8Array(this.capacity);
    const slots = this.slots;
    for (let from = 0; from < oldTags.length; from++) {
      if (oldTags[from] === EMPTY) continue;
      const at = from * SLOT;
      const slot = this.find(old[at]!, old[at + 1]!, old[at + 2]!);
      const to = slot * SLOT;
      this.tags[slot] = oldTags[from]!;
      // Four stores, not `set(subarray())`: a view object per key made growing cost 3× more.
      slots[to] = old[at]!;
      slots[to + 1] = old[at + 1]!;
      slots[to + 2] = old[at + 2]!;
      slots[to + 3] = old[at + 3]!;
    }
  }
}

/** 1–255 from the top bits of a digest word (the slot index uses a and b). */
function tagOf(c: number): number {
  return ((c >>> 24) % 255) + 1;
}

let digestA = 0;
let digestB = 0;
let digestC = 0;

/** murmur3's finaliser: spreads every input bit over the whole word. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Three independent 32-bit hashes of the key's UTF-16 code units, left in digestA/B/C (no
 * allocation). Two code units go in per step (as one 32-bit word), halving the loop; the length is
 * mixed in, so keys that differ only by a trailing unit do not meet.
 */
function hashKey(key: string): void {
  const n = key.length;
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ n;
  let c = 0x1b873593;
  for (let i = 0; i < n; i += 2) {
    const word = i + 1 < n ? key.charCodeAt(i) | (key.charCodeAt(i + 1) << 16) : key.charCodeAt(i);
    a = Math.imul(a ^ word, 0x01000193);
    b = Math.imul(b ^ word, 0x5bd1e995);
    b ^= b >>> 15;
    c = Math.imul(c + word, 0xcc9e2d51);
    c = (c << 13) | (c >>> 19);
  }
  digestA = mix(a);
  digestB = mix(b ^ 0x68e31da4);
  digestC = mix(c ^ n);
}
