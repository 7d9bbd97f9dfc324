/**
 * The content script's half of term matching: runs the compiled trie (format.ts) over article
 * text. Loading is O(1): the compiled strings are read in place, nothing is rebuilt per page.
 *
 * Matches may only start at a word start, so instead of Aho-Corasick failure links the trie is
 * walked from each word start (in folded text) whose first unit begins some alias; a walk ends
 * at the first unit no alias continues with, usually within a word. Work is linear in the text
 * length times the depth of those walks, bounded by the longest alias (rules.ts).
 *
 * Semantics (the property test in test/unit/terms holds it to a brute-force reference):
 * - a match starts where the folded text is not preceded by a letter/number;
 * - tokens match in order, separated by a hyphen, a run of spaces, or nothing;
 * - then optional plural "s"/"es" and optional possessive "'s"/"'";
 *   the whole must not be followed by a letter/number;
 * - the reported range includes the plural but EXCLUDES the possessive, so
 *   "Sheinbaum's" highlights "Sheinbaum" and a closing quote is never highlighted;
 * - among overlapping candidates (spans including the possessive) the longest
 *   wins, then the earliest start, then the earliest pattern in dictionary order.
 */
import { casedAt, createFoldBuffers, foldInto, type FoldBuffers } from './fold-buffer';
import {
  DIGIT_VALUE, EMPTY_DICTIONARY, F_GAP, F_MULTI, F_TERMINAL, F_WIDE, isCompiled, readNum, view, X_CASE_SENSITIVE,
  type CompiledDictionary, type RecordView,
} from './format';
import { Candidates } from './select';
import type { Matcher, TextMatch } from './types';

const SPACE = 0x20;
const HYPHEN = 0x2d;
const QUOTE = 0x27;
const LOWER_S = 0x73;
const LOWER_E = 0x65;
/** Root children below this unit are found by table, the rest by binary search. */
const ROOT_TABLE = 0x250;

/** A matcher over a compiled dictionary, plus what the page needs to show about its notes. */
export interface CompiledMatcher extends Matcher {
  /** The note's title (for the hover tooltip), or undefined if the note is not in the dictionary. */
  titleOf(noteId: string): string | undefined;
  /** Number of notes in the dictionary. */
  readonly notes: number;
}

class TrieMatcher implements CompiledMatcher {
  readonly #d: CompiledDictionary;
  readonly #pw: number;
  readonly #rootTable = new Int32Array(ROOT_TABLE).fill(-1);
  readonly #buf: FoldBuffers = createFoldBuffers();
  readonly #cands = new Candidates();
  readonly #gaps = new Int32Array(512);
  readonly #view: RecordView = { flags: 0, rest: 0, children: 0, body: 0 };
  #gapCount = 0;
  #titles: Map<string, string> | null = null;

  constructor(d: CompiledDictionary) {
    this.#d = d;
    this.#pw = d.widths.pattern;
    if (d.trie.length < 3) return;
    const v = view(d.trie, 0, this.#view);
    for (let k = 0; k < v.children; k++) {
      const label = d.trie.charCodeAt(v.body + v.rest + k);
      if (label < ROOT_TABLE) this.#rootTable[label] = this.#childAt(0, v, k);
    }
  }

  get notes(): number {
    return this.#d.noteIds.length;
  }

  titleOf(noteId: string): string | undefined {
    this.#titles ??= new Map(this.#d.noteIds.map((id, i) => [id, this.#d.titles[i] ?? '']));
    return this.#titles.get(noteId);
  }

  /** Offset of the k-th child of the record at `o` (decoded as `v`). */
  #childAt(o: number, v: RecordView, k: number): number {
    const labels = v.body + v.rest + (v.flags & F_TERMINAL ? this.#pw : 0);
    const width = v.flags & F_WIDE ? 4 : 2;
    const offsets = labels + v.children;
    // The first child follows its parent's record directly.
    if (k === 0) return offsets + width * (v.children - 1);
    return o + readNum(this.#d.trie, offsets + width * (k - 1), width);
  }

  /** Offset of the child of the record at `o` along `unit`, or -1. */
  #child(o: number, unit: number): number {
    const t = this.#d.trie;
    const v = view(t, o, this.#view);
    const labels = v.body + v.rest + (v.flags & F_TERMINAL ? this.#pw : 0);
    const cc = v.children;
    let lo = 0;
    let hi = cc - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const l = t.charCodeAt(labels + mid);
      if (l === unit) return this.#childAt(o, v, mid);
      if (l < unit) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  match(text: string): TextMatch[] {
    if (this.#d.trie.length < 3 || text === '') return [];
    const b = this.#buf;
    foldInto(text, b);
    const { lower, word } = b;
    const n = b.n;
    const table = this.#rootTable;
    const cands = this.#cands;
    cands.reset(n);
    let prevWord = 0;
    for (let i = 0; i < n; i++) {
      if (prevWord === 0) {
        const u = lower[i]!;
        const o = u < ROOT_TABLE ? table[u]! : this.#child(0, u);
        if (o >= 0) {
          cands.nextStart();
          this.#walk(i, o);
        }
      }
      prevWord = word[i]!;
    }
    const chosen = cands.select(n);
    const out: TextMatch[] = [];
    const ids = this.#d.noteIds;
    for (const c of chosen) {
      const start = b.identity ? c.start : b.start[c.start]!;
      const end = b.identity ? c.end : b.end[c.end - 1]!;
      out.push({ start, end, noteId: ids[c.note] ?? '' });
    }
    return out;
  }

  /** Walks the trie from folded position `start`, whose unit led to record `o`. */
  #walk(start: number, o: number): void {
    const t = this.#d.trie;
    const { lower } = this.#buf;
    const n = this.#buf.n;
    const v = this.#view;
    let p = start + 1;
    this.#gapCount = 0;
    let depth = 1;
    for (;;) {
      view(t, o, v);
      const rest = v.rest;
      const chain = v.body;
      for (let k = 0; k < rest; k++, p++) {
        if (p >= n || lower[p] !== t.charCodeAt(chain + k)) return;
      }
      depth += rest;
      if (v.flags & F_TERMINAL) this.#terminal(start, p, chain + rest, v.flags);
      const cc = v.children;
      if (p >= n || !(cc > 0)) return;
      let u = lower[p]!;
      if (u === SPACE || u === HYPHEN) {
        if (!(v.flags & F_GAP)) return;
        if (u === HYPHEN) p++;
        else while (p < n && lower[p] === SPACE) p++;
        if (p >= n || this.#gapCount >= this.#gaps.length) return;
        this.#gaps[this.#gapCount++] = depth;
        u = lower[p]!;
      }
      // The child along u: linear for the usual handful of children, else binary search.
      const labels = chain + rest + (v.flags & F_TERMINAL ? this.#pw : 0);
      let k = -1;
      if (cc <= 8) {
        for (let j = 0; j < cc; j++) {
          if (t.charCodeAt(labels + j) === u) {
            k = j;
            break;
          }
        }
      } else {
        let lo = 0;
        let hi = cc - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          const l = t.charCodeAt(labels + mid);
          if (l === u) {
            k = mid;
            break;
          }
          if (l < u) lo = mid + 1;
          else hi = mid - 1;
        }
      }
      if (k < 0) return;
      o = this.#childAt(o, v, k);
      if (!(o >= 0)) return;
      p++;
      depth++;
    }
  }

  /** A terminal record reached at folded `core`: add the winning pattern's candidates. */
  #terminal(start: number, core: number, at: number, flags: number): void {
    const pw = this.#pw;
    let pattern = -1;
    if (flags & F_MULTI) {
      const l = this.#d.lists;
      const off = readNum(this.#d.trie, at, pw);
      const count = readNum(l, off, pw);
      for (let k = 0; k < count && pattern < 0; k++) {
        const p = readNum(l, off + pw * (k + 1), pw);
        if (this.#accepts(p, start, core)) pattern = p;
      }
    } else {
      const p = readNum(this.#d.trie, at, pw);
      if (this.#accepts(p, start, core)) pattern = p;
    }
    if (pattern >= 0) this.#endings(start, core, pattern);
  }

  /** Where pattern `p`'s record starts in `patterns`. */
  #patternAt(p: number): number {
    return p * (this.#d.widths.note + this.#d.widths.extra);
  }

  /** Whether pattern `p` accepts the text's gaps and, if case-sensitive, its case. */
  #accepts(p: number, start: number, core: number): boolean {
    const x = this.#d.extra;
    const off = readNum(this.#d.patterns, this.#patternAt(p) + this.#d.widths.note, this.#d.widths.extra);
    if (off === 0) return this.#gapCount === 0;
    if (!(off > 0)) return false;
    const flags = DIGIT_VALUE[x.charCodeAt(off)]!;
    const gapCount = readNum(x, off + 1, 2);
    // Gaps the text used must be gaps of this alias (both lists ascending).
    let g = 0;
    for (let k = 0; k < this.#gapCount; k++) {
      const used = this.#gaps[k]!;
      while (g < gapCount && readNum(x, off + 3 + 2 * g, 2) < used) g++;
      if (g >= gapCount || readNum(x, off + 3 + 2 * g, 2) !== used) return false;
    }
    if (!(flags & X_CASE_SENSITIVE)) return true;
    const at = off + 3 + 2 * gapCount;
    const len = readNum(x, at, 2);
    const b = this.#buf;
    let j = 0;
    for (let i = start; i < core; i++) {
      const u = casedAt(b, i);
      if (u === SPACE || u === HYPHEN) continue;
      if (j >= len || u !== x.charCodeAt(at + 2 + j)) return false;
      j++;
    }
    return j === len;
  }

  /** Candidates for every valid plural/possessive ending after `core`. */
  #endings(start: number, core: number, pattern: number): void {
    const { lower, word } = this.#buf;
    const n = this.#buf.n;
    const note = readNum(this.#d.patterns, this.#patternAt(pattern), this.#d.widths.note);
    for (let pl = 0; pl < 3; pl++) {
      let end = core;
      if (pl === 1) {
        if (core >= n || lower[core] !== LOWER_S) continue;
        end = core + 1;
      } else if (pl === 2) {
        if (core + 1 >= n || lower[core] !== LOWER_E || lower[core + 1] !== LOWER_S) continue;
        end = core + 2;
      }
      for (let po = 0; po < 3; po++) {
        let full = end;
        if (po === 1) {
          if (end + 1 >= n || lower[end] !== QUOTE || lower[end + 1] !== LOWER_S) continue;
          full = end + 2;
        } else if (po === 2) {
          if (end >= n || lower[end] !== QUOTE) continue;
          full = end + 1;
        }
        if (full < n && word[full] === 1) continue;
        this.#cands.add(start, end, full, pattern, note);
      }
    }
  }
}

/**
 * The content script's matcher for a compiled dictionary (from the background's
 * {@link compileDictionary}, sent as is). O(1): the compiled strings are used in place. A value
 * of another format version, or anything malformed, gives a matcher that finds nothing.
 */
export function matcherFromCompiled(compiled: unknown): CompiledMatcher {
  return new TrieMatcher(isCompiled(compiled) ? compiled : EMPTY_DICTIONARY);
}
