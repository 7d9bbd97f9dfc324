/**
 * Choosing among overlapping match candidates: longest span first (possessive included), then
 * earliest start, then the earliest pattern in dictionary order; whatever overlaps a chosen one
 * is dropped. Candidates live in reusable typed arrays (a page has thousands of paragraphs).
 */

const PACK_LEN = 1 << 10;
const PACK_POS = 1 << 21;

/** A chosen candidate, in folded coordinates. */
export interface Chosen {
  start: number;
  /** End of the reported range (plural included, possessive excluded). */
  end: number;
  /** Index of the note in the compiled dictionary. */
  note: number;
}

/** Accumulates candidates for one text, then selects. */
export class Candidates {
  #start = new Int32Array(64);
  #end = new Int32Array(64);
  #full = new Int32Array(64);
  #pattern = new Int32Array(64);
  #note = new Int32Array(64);
  #n = 0;
  #taken = new Uint8Array(1024);
  /** Per `full` position: the candidate of the current start ending there, for deduplication. */
  #byFull = new Int32Array(1024);
  #byFullStamp = new Int32Array(1024);
  #stamp = 0;

  /** Starts a new text of folded length `length`. */
  reset(length: number): void {
    this.#n = 0;
    if (this.#byFull.length < length + 1) {
      this.#byFull = new Int32Array(Math.max(length + 1, this.#byFull.length * 2));
      this.#byFullStamp = new Int32Array(this.#byFull.length);
      this.#stamp = 0;
    }
  }

  /** Starts the candidates of a new start position. */
  nextStart(): void {
    if (++this.#stamp === 0x7fffffff) {
      this.#byFullStamp.fill(0);
      this.#stamp = 1;
    }
  }

  /**
   * Adds a candidate. Of two from the same start covering the same span only the earlier
   * pattern can ever win, so only it is kept.
   */
  add(start: number, end: number, full: number, pattern: number, note: number): void {
    if (this.#byFullStamp[full] === this.#stamp) {
      const j = this.#byFull[full]!;
      if (pattern < this.#pattern[j]!) {
        this.#end[j] = end;
        this.#pattern[j] = pattern;
        this.#note[j] = note;
      }
      return;
    }
    if (this.#n === this.#start.length) this.#grow();
    const i = this.#n++;
    this.#byFullStamp[full] = this.#stamp;
    this.#byFull[full] = i;
    this.#start[i] = start;
    this.#end[i] = end;
    this.#full[i] = full;
    this.#pattern[i] = pattern;
    this.#note[i] = note;
  }

  #grow(): void {
    const more = <T extends Int32Array>(a: T): T => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b as T;
    };
    this.#start = more(this.#start);
    this.#end = more(this.#end);
    this.#full = more(this.#full);
    this.#pattern = more(this.#pattern);
    this.#note = more(this.#note);
  }

  /**
   * Candidate indices, longest first, then earliest start (a start and a span identify a
   * candidate, see add). Packed into numbers for a native sort when everything fits in 52 bits,
   * which is every real page; a comparator sort otherwise.
   */
  #order(length: number): Iterable<number> {
    const n = this.#n;
    const s = this.#start;
    const f = this.#full;
    let longest = 0;
    for (let i = 0; i < n; i++) longest = Math.max(longest, f[i]! - s[i]!);
    if (longest < PACK_LEN && length < PACK_POS && n < PACK_POS) {
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) keys[i] = ((PACK_LEN - 1 - (f[i]! - s[i]!)) * PACK_POS + s[i]!) * PACK_POS + i;
      keys.sort();
      const order = new Int32Array(n);
      for (let k = 0; k < n; k++) order[k] = keys[k]! % PACK_POS;
      return order;
    }
    const pat = this.#pattern;
    const order = Array.from({ length: n }, (_, i) => i);
    return order.sort((a, b) => f[b]! - s[b]! - (f[a]! - s[a]!) || s[a]! - s[b]! || pat[a]! - pat[b]!);
  }

  /** The winners in text order; `length` is the folded text length. */
  select(length: number): Chosen[] {
    const n = this.#n;
    if (n === 0) return [];
    const s = this.#start;
    const f = this.#full;
    const order = this.#order(length);
    if (this.#taken.length < length + 1) this.#taken = new Uint8Array(Math.max(length + 1, this.#taken.length * 2));
    const taken = this.#taken;
    const chosen: number[] = [];
    for (const i of order) {
      const a = s[i]!;
      const z = f[i]!;
      // Candidates come longest first, so a chosen span overlapping this one covers its first
      // or its last unit: checking both ends is exact.
      if (taken[a] || taken[z - 1]) continue;
      taken.fill(1, a, z);
      chosen.push(i);
    }
    for (const i of chosen) taken.fill(0, s[i], f[i]);
    chosen.sort((a, b) => s[a]! - s[b]!);
    return chosen.map((i) => ({ start: s[i]!, end: this.#end[i]!, note: this.#note[i]! }));
  }
}
