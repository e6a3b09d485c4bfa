/**
 * Duplicate record keys (005) in bounded memory.
 *
 * Design: every key is hashed to a 96-bit digest (three independent 32-bit hashes) kept in an
 * open-addressing table of typed arrays with the record number of its first occurrence: 17 bytes a
 * slot at a load of at most 1/2, so about 35 MB for a million distinct keys, whatever the key
 * length, and no JS object or string per key. A repeated digest is reported at once for the later
 * record; the first occurrences are only known at the end, so the engine reads the file a second
 * time up to the last such record to give them their 005 line with their own key columns
 * (specs/README.md: "005 puts a line on every occurrence of a duplicated key, the first
 * included"). Two different keys share a digest with probability about n²/2⁹⁷ (≈ 6·10⁻¹⁸ for a
 * million records), far below any other failure; in exchange no key is ever held in memory.
 */

const EMPTY = 0;

export class DuplicateKeyIndex {
  private capacity: number;
  private size = 0;
  private digests: Int32Array;
  /** Record number of the first occurrence; EMPTY marks a free slot (records count from 1). */
  private firstRecords: Int32Array;
  private duplicated: Uint8Array;

  constructor(initialCapacity = 1 << 16) {
    this.capacity = initialCapacity;
    this.digests = new Int32Array(initialCapacity * 3);
    this.firstRecords = new Int32Array(initialCapacity);
    this.duplicated = new Uint8Array(initialCapacity);
  }

  /** Adds a record's key; returns 0 the first time, else the record number of its first occurrence. */
  add(key: string, recordNumber: number): number {
    hashKey(key);
    if ((this.size + 1) * 2 > this.capacity) this.grow();
    const slot = this.find(digestA, digestB, digestC);
    if (this.firstRecords[slot] !== EMPTY) {
      this.duplicated[slot] = 1;
      return this.firstRecords[slot]!;
    }
    this.digests[slot * 3] = digestA;
    this.digests[slot * 3 + 1] = digestB;
    this.digests[slot * 3 + 2] = digestC;
    this.firstRecords[slot] = recordNumber;
    this.size++;
    return 0;
  }

  /** Record numbers of the first occurrences of keys seen more than once, ascending. */
  firstOccurrencesOfDuplicates(): Int32Array {
    const found: number[] = [];
    for (let slot = 0; slot < this.capacity; slot++) if (this.duplicated[slot] === 1) found.push(this.firstRecords[slot]!);
    return Int32Array.from(found).sort();
  }

  /** Bytes held by the table, for the benchmark's report. */
  get bytes(): number {
    return this.digests.byteLength + this.firstRecords.byteLength + this.duplicated.byteLength;
  }

  private find(a: number, b: number, c: number): number {
    const mask = this.capacity - 1;
    let slot = (a ^ (b >>> 7)) & mask;
    while (this.firstRecords[slot] !== EMPTY) {
      const at = slot * 3;
      if (this.digests[at] === a && this.digests[at + 1] === b && this.digests[at + 2] === c) return slot;
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private grow(): void {
    const { digests, firstRecords, duplicated, capacity } = this;
    this.capacity = capacity * 2;
    this.digests = new Int32Array(this.capacity * 3);
    this.firstRecords = new Int32Array(this.capacity);
    this.duplicated = new Uint8Array(this.capacity);
    for (let old = 0; old < capacity; old++) {
      if (firstRecords[old] === EMPTY) continue;
      const [a, b, c] = [digests[old * 3]!, digests[old * 3 + 1]!, digests[old * 3 + 2]!];
      const slot = this.find(a, b, c);
      this.digests.set([a, b, c], slot * 3);
      this.firstRecords[slot] = firstRecords[old]!;
      this.duplicated[slot] = duplicated[old]!;
    }
  }
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

/** Three independent 32-bit hashes of the key's UTF-16 code units, left in digestA/B/C (no allocation). */
function hashKey(key: string): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ key.length;
  let c = 0x1b873593;
  for (let i = 0; i < key.length; i++) {
    const unit = key.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
    b ^= b >>> 15;
    c = Math.imul(c + unit, 0xcc9e2d51);
    c = (c << 13) | (c >>> 19);
  }
  digestA = mix(a);
  digestB = mix(b ^ 0x68e31da4);
  digestC = mix(c ^ key.length);
}
