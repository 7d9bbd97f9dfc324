/**
 * The matcher's fast folding: the same folding as foldText (fold.ts, the readable reference the
 * property tests hold this to), written into reusable typed arrays instead of new strings and
 * number arrays, with an ASCII fast path and a per-code-point cache for everything else. Article
 * text is folded once per paragraph on every page, so this is the matcher's hottest loop.
 */
import { foldCodePoint, lowerCodePoint } from './fold';

/** Folded text in typed arrays; valid up to `n`. Reused from call to call: copy what you keep. */
export interface FoldBuffers {
  n: number;
  /**
   * True when folding mapped the text unit for unit (the common case): then folded index i is
   * original index i, and `start`, `end` and `cased` are not filled (use {@link casedAt}).
   */
  identity: boolean;
  /** The text last folded. */
  text: string;
  /** Folded units, lower-cased. */
  lower: Uint16Array;
  /** Folded units, case kept (not filled when `identity`). */
  cased: Uint16Array;
  /** Original span [start, end) of the code point (plus its combining marks) behind each unit (not filled when `identity`). */
  start: Int32Array;
  end: Int32Array;
  /** 1 where the unit belongs to a letter or number. */
  word: Uint8Array;
}

interface CodePointFold {
  lower: string;
  cased: string;
  word: Uint8Array;
  /** Folds to nothing and is a combining mark (extends the previous character's span). */
  mark: boolean;
}

const WORD = /^[\p{L}\p{N}]/u;
const MARK = /^\p{M}$/u;
const MAX_CACHE = 20_000;
const cache = new Map<number, CodePointFold>();

/*
 * Per UTF-16 unit, learnt on first sight: whether the unit folds to exactly one unit on its own
 * (REGULAR: ASCII, Latin letters with diacritics, curly quotes, dashes, exotic spaces...) and
 * to what. Text made only of regular units folds unit for unit, with no offset maps to build.
 * Surrogates, combining marks, invisible characters and expansions (ligatures) are IRREGULAR
 * and take the general path.
 */
const UNKNOWN = 0;
const REGULAR = 1;
const IRREGULAR = 2;
const UNIT_STATE = new Uint8Array(0x10000);
const UNIT_LOWER = new Uint16Array(0x10000);
const UNIT_CASED = new Uint16Array(0x10000);
const UNIT_WORD = new Uint8Array(0x10000);

function learn(c: number): number {
  let state = IRREGULAR;
  if (c < 0xd800 || c > 0xdfff) {
    const cased = c < 0x80 ? (c === 0x20 || (c >= 0x09 && c <= 0x0d) ? ' ' : String.fromCharCode(c)) : foldCodePoint(String.fromCharCode(c));
    const lower = cased.length === 1 ? lowerCodePoint(cased) : '';
    if (lower.length === 1) {
      UNIT_CASED[c] = cased.charCodeAt(0);
      UNIT_LOWER[c] = lower.charCodeAt(0);
      UNIT_WORD[c] = WORD.test(lower) ? 1 : 0;
      state = REGULAR;
    }
  }
  UNIT_STATE[c] = state;
  return state;
}
for (let c = 0; c < 0x80; c++) learn(c);

/** The case-kept folded unit at folded index `i`. */
export function casedAt(b: FoldBuffers, i: number): number {
  return b.identity ? UNIT_CASED[b.text.charCodeAt(i)]! : b.cased[i]!;
}

function foldOf(cp: number, s: string): CodePointFold {
  let f = cache.get(cp);
  if (f !== undefined) return f;
  const cased = foldCodePoint(s);
  let lower = '';
  const word: number[] = [];
  for (const ch of cased) {
    const l = lowerCodePoint(ch);
    lower += l;
    const w = WORD.test(l) ? 1 : 0;
    for (let u = 0; u < l.length; u++) word.push(w);
  }
  f = { lower, cased, word: Uint8Array.from(word), mark: cased === '' && MARK.test(s) };
  if (cache.size < MAX_CACHE) cache.set(cp, f);
  return f;
}

/** Fresh buffers (grown on demand by {@link foldInto}). */
export function createFoldBuffers(capacity = 1024): FoldBuffers {
  return {
    n: 0,
    identity: false,
    text: '',
    lower: new Uint16Array(capacity),
    cased: new Uint16Array(capacity),
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    word: new Uint8Array(capacity),
  };
}

function grow(b: FoldBuffers, needed: number): void {
  const cap = Math.max(needed, b.lower.length * 2);
  const copy = <T extends Uint16Array | Int32Array | Uint8Array>(old: T, fresh: T): T => {
    fresh.set(old.subarray(0, b.n) as never);
    return fresh;
  };
  b.lower = copy(b.lower, new Uint16Array(cap));
  b.cased = copy(b.cased, new Uint16Array(cap));
  b.start = copy(b.start, new Int32Array(cap));
  b.end = copy(b.end, new Int32Array(cap));
  b.word = copy(b.word, new Uint8Array(cap));
}

/** Folds `text` into `b` (see foldText for the rules); `b.n` is the folded length. */
export function foldInto(text: string, b: FoldBuffers): void {
  const len = text.length;
  b.n = 0;
  b.text = text;
  if (b.lower.length < len + 1) grow(b, len + 16);
  let { lower, cased, start, end, word } = b;
  // Fast path: unit for unit while every unit is regular.
  let i = 0;
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (UNIT_STATE[c] !== REGULAR && (UNIT_STATE[c] !== UNKNOWN || learn(c) !== REGULAR)) break;
    lower[i] = UNIT_LOWER[c]!;
    word[i] = UNIT_WORD[c]!;
  }
  b.identity = i === len;
  if (b.identity) {
    b.n = len;
    return;
  }
  // General path from the first irregular unit on; the prefix so far mapped one to one.
  for (let k = 0; k < i; k++) {
    cased[k] = UNIT_CASED[text.charCodeAt(k)]!;
    start[k] = k;
    end[k] = k + 1;
  }
  let n = i;
  // First unit of the last code point that produced output, or -1 once something dropped
  // that is not a mark came after it (marks only attach to the character right before them).
  let lastEmitted = i - 1;
  while (i < len) {
    const c = text.charCodeAt(i);
    if ((UNIT_STATE[c] === UNKNOWN ? learn(c) : UNIT_STATE[c]) === REGULAR) {
      lower[n] = UNIT_LOWER[c]!;
      cased[n] = UNIT_CASED[c]!;
      start[n] = i;
      end[n] = i + 1;
      word[n] = UNIT_WORD[c]!;
      lastEmitted = n++;
      i++;
      continue;
    }
    let cp = c;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const f = cache.get(cp) ?? foldOf(cp, text.slice(i, i + width));
    const next = i + width;
    const k = f.cased.length;
    if (k === 0) {
      if (lastEmitted >= 0 && f.mark) for (let u = lastEmitted; u < n; u++) end[u] = next;
      else lastEmitted = -1;
    } else {
      if (n + k + (len - next) >= lower.length) {
        b.n = n;
        grow(b, n + k + (len - next) + 16);
        ({ lower, cased, start, end, word } = b);
      }
      lastEmitted = n;
      for (let u = 0; u < k; u++) {
        lower[n] = f.lower.charCodeAt(u);
        cased[n] = f.cased.charCodeAt(u);
        start[n] = i;
        end[n] = next;
        word[n] = f.word[u]!;
        n++;
      }
    }
    i = next;
  }
  b.n = n;
}

/** {@link foldInto}, with every array filled even when the text folded unit for unit. */
export function foldFully(text: string, b: FoldBuffers): void {
  foldInto(text, b);
  if (!b.identity) return;
  for (let k = 0; k < b.n; k++) {
    b.cased[k] = UNIT_CASED[text.charCodeAt(k)]!;
    b.start[k] = k;
    b.end[k] = k + 1;
  }
  b.identity = false;
}
