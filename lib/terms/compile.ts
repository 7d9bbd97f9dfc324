/**
 * The background's half of term matching: compiles the reader's dictionary into the string
 * trie described in format.ts, once per dictionary version, for every content script to reuse.
 *
 * Built from the sorted joined keys (a sorted insert needs no per-node maps and appends each
 * node's children in label order), then laid out in pre-order with unary chains merged.
 * Linear in the total alias length after an O(n log n) sort.
 */
import { compilePatterns, type Pattern } from './patterns';
import {
  DIGITS, F_GAP, F_LONG_REST, F_MANY, F_MULTI, F_TERMINAL, F_WIDE, FORMAT, MAX_CHILDREN, MAX_JOINED_UNITS,
  NARROW_LIMIT, widthFor, X_CASE_SENSITIVE, type CompiledDictionary,
} from './format';
import type { DictEntry } from './types';

const DIGIT_CODES = Uint8Array.from(DIGITS, (c) => c.charCodeAt(0));

/** Growable list of 16-bit units, turned into a string at the end. */
class Units {
  buf = new Uint16Array(1024);
  length = 0;
  push(u: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint16Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = u;
  }
  /** `v` as `width` base-64 digits. */
  num(v: number, width: number): void {
    for (let k = width - 1; k >= 0; k--) this.push(DIGIT_CODES[(k < 5 ? v >>> (6 * k) : Math.floor(v / 64 ** k)) & 63]!);
  }
  toString(): string {
    let s = '';
    for (let i = 0; i < this.length; i += 8192) {
      s += String.fromCharCode.apply(null, this.buf.subarray(i, Math.min(this.length, i + 8192)) as unknown as number[]);
    }
    return s;
  }
}

/** The uncompressed trie, in typed arrays indexed by node (node 0 is the root). */
interface RawTrie {
  size: number;
  label: Uint16Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  childCount: Int32Array;
  gap: Uint8Array;
  /** Patterns ending at each node (in priority order): first index into `termList`, and count. */
  termStart: Int32Array;
  termCount: Int32Array;
  termList: number[];
}

/**
 * Indices of the patterns to put in the trie, in code-unit order of their keys (what `<`
 * compares), then priority (a pattern's index is its priority).
 */
function sortedByKey(patterns: readonly Pattern[]): number[] {
  const used: number[] = [];
  patterns.forEach((p, index) => {
    if (p.key.length > 0 && p.key.length <= MAX_JOINED_UNITS) used.push(index);
  });
  // The native sort without a comparator is many times faster than one with (no call per
  // comparison): sort "key NUL index" strings, the index padded to one width, then check the
  // order, which a key holding a NUL could upset, and fall back to the comparator then.
  const width = String(patterns.length).length;
  const tagged = used.map((i) => `${patterns[i]!.key}\u0000${String(i).padStart(width, '0')}`);
  tagged.sort();
  const sorted = tagged.map((s) => Number(s.slice(s.length - width)));
  const before = (a: number, b: number) => patterns[a]!.key < patterns[b]!.key || (patterns[a]!.key === patterns[b]!.key && a < b);
  for (let i = 1; i < sorted.length; i++) {
    if (!before(sorted[i - 1]!, sorted[i]!)) return used.sort((a, b) => (before(a, b) ? -1 : 1));
  }
  return sorted;
}

function buildRawTrie(patterns: readonly Pattern[], order: readonly number[]): RawTrie {
  let cap = 1;
  for (const i of order) cap += patterns[i]!.key.length;
  const t: RawTrie = {
    size: 1,
    label: new Uint16Array(cap),
    firstChild: new Int32Array(cap).fill(-1),
    nextSibling: new Int32Array(cap).fill(-1),
    childCount: new Int32Array(cap),
    gap: new Uint8Array(cap),
    termStart: new Int32Array(cap).fill(-1),
    termCount: new Int32Array(cap),
    termList: [],
  };
  const lastChild = new Int32Array(cap).fill(-1);
  const path = new Int32Array(MAX_JOINED_UNITS + 1); // path[d]: node after d units of the previous key
  let prev = '';
  for (const index of order) {
    const { key: k, gaps } = patterns[index]!;
    let lcp = 0;
    while (lcp < k.length && lcp < prev.length && k.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
    let dropped = false;
    for (let d = lcp; d < k.length; d++) {
      const parent = path[d]!;
      if (t.childCount[parent]! >= MAX_CHILDREN) {
        // More distinct units after one prefix than a record can list: this alias is dropped.
        dropped = true;
        prev = k.slice(0, d);
        break;
      }
      const node = t.size++;
      t.label[node] = k.charCodeAt(d);
      const last = lastChild[parent]!;
      if (last < 0) t.firstChild[parent] = node;
      else t.nextSibling[last] = node;
      lastChild[parent] = node;
      t.childCount[parent]!++;
      path[d + 1] = node;
    }
    if (dropped) continue;
    prev = k;
    const end = path[k.length]!;
    for (const g of gaps) t.gap[path[g]!] = 1;
    if (t.termStart[end]! < 0) t.termStart[end] = t.termList.length;
    t.termList.push(index);
    t.termCount[end]!++;
  }
  return t;
}

/**
 * Lays the trie out as records (format.ts) in pre-order: records are identified by their head
 * node (the node an edge label leads to; the root for the root record), sized bottom-up, then
 * written top-down. Typed arrays throughout: tens of thousands of records, no objects.
 */
function layout(t: RawTrie, patternWidth: number, lists: Units): { trie: Units; records: number } {
  const size = t.size;
  const recEnd = new Int32Array(size);
  const recRest = new Int32Array(size);
  const recSize = new Int32Array(size);
  const subtree = new Float64Array(size);
  const wide = new Uint8Array(size);
  const order: number[] = [];
  // Pre-order of record heads (explicit stack; children reversed on it to pop in order).
  const stack = [0];
  while (stack.length > 0) {
    const head = stack.pop()!;
    order.push(head);
    let end = head;
    let rest = 0;
    // The root's record never merges with its only child: lookups start from its child table.
    while (head !== 0 && t.childCount[end] === 1 && t.termCount[end] === 0 && t.gap[end] === 0) {
      end = t.firstChild[end]!;
      rest++;
    }
    recEnd[head] = end;
    recRest[head] = rest;
    // Children pushed in order, then that run of the stack reversed (no array per record).
    const from = stack.length;
    for (let c = t.firstChild[end]!; c >= 0; c = t.nextSibling[c]!) stack.push(c);
    for (let a = from, b = stack.length - 1; a < b; a++, b--) {
      const x = stack[a]!;
      stack[a] = stack[b]!;
      stack[b] = x;
    }
  }
  // Sizes, children before parents.
  for (let i = order.length - 1; i >= 0; i--) {
    const head = order[i]!;
    const end = recEnd[head]!;
    const rest = recRest[head]!;
    const cc = t.childCount[end]!;
    const fixed = 1 + (rest >= 64 ? 2 : 1) + (cc >= 64 ? 3 : 1) + rest + (t.termCount[end]! > 0 ? patternWidth : 0) + cc;
    let kids = 0;
    let last = 0;
    for (let c = t.firstChild[end]!; c >= 0; c = t.nextSibling[c]!) {
      kids += subtree[c]!;
      last = subtree[c]!;
    }
    // Offsets of children 2.. are relative to the record; the last one is the largest.
    wide[head] = cc > 1 && fixed + 2 * (cc - 1) + kids - last >= NARROW_LIMIT ? 1 : 0;
    recSize[head] = fixed + (cc > 1 ? (wide[head] ? 4 : 2) * (cc - 1) : 0);
    subtree[head] = recSize[head]! + kids;
  }
  const out = new Units();
  for (const head of order) {
    const start = out.length;
    const end = recEnd[head]!;
    const rest = recRest[head]!;
    const cc = t.childCount[end]!;
    const terms = t.termCount[end]!;
    let flags = 0;
    if (terms > 0) flags |= F_TERMINAL | (terms > 1 ? F_MULTI : 0);
    if (t.gap[end]) flags |= F_GAP;
    if (wide[head]) flags |= F_WIDE;
    if (rest >= 64) flags |= F_LONG_REST;
    if (cc >= 64) flags |= F_MANY;
    out.num(flags, 1);
    out.num(rest, rest >= 64 ? 2 : 1);
    out.num(cc, cc >= 64 ? 3 : 1);
    for (let node = head; node !== end; ) {
      node = t.firstChild[node]!;
      out.push(t.label[node]!);
    }
    if (terms === 1) out.num(t.termList[t.termStart[end]!]!, patternWidth);
    else if (terms > 1) {
      out.num(lists.length, patternWidth);
      lists.num(terms, patternWidth);
      for (let k = 0; k < terms; k++) lists.num(t.termList[t.termStart[end]! + k]!, patternWidth);
    }
    for (let c = t.firstChild[end]!; c >= 0; c = t.nextSibling[c]!) out.push(t.label[c]!);
    let offset = recSize[head]!;
    let k = 0;
    for (let c = t.firstChild[end]!; c >= 0; c = t.nextSibling[c]!, k++) {
      if (k > 0) out.num(offset, wide[head] ? 4 : 2);
      offset += subtree[c]!;
    }
    if (out.length - start !== recSize[head]) throw new Error('compileDictionary: record size mismatch');
  }
  return { trie: out, records: order.length };
}

/** Note ids and titles by note index; the first entry of a repeated id wins. */
function notesOf(entries: readonly DictEntry[]): { noteIds: string[]; titles: string[]; index: Map<string, number> } {
  const index = new Map<string, number>();
  const noteIds: string[] = [];
  const titles: string[] = [];
  for (const e of entries) {
    if (e === null || typeof e !== 'object' || typeof e.noteId !== 'string' || index.has(e.noteId)) continue;
    index.set(e.noteId, noteIds.length);
    noteIds.push(e.noteId);
    titles.push(typeof e.title === 'string' ? e.title : '');
  }
  return { noteIds, titles, index };
}

/**
 * Compiles the reader's dictionary (titles and aliases of every note, in dictionary order: on a
 * shared alias the earlier note wins) for {@link matcherFromCompiled}. Run it in the background
 * once per dictionary version and send the result as is. Never throws on bad entries or aliases:
 * they are skipped by the rules in rules.ts.
 */
export function compileDictionary(entries: readonly DictEntry[]): CompiledDictionary {
  const list = Array.isArray(entries) ? entries : [];
  const notes = notesOf(list);
  const patterns = compilePatterns(list);
  const raw = buildRawTrie(patterns, sortedByKey(patterns));

  // Per-pattern checks: gaps and case.
  const extra = new Units();
  extra.num(0, 1); // offset 0: the shared "nothing to check" record
  extra.num(0, 2);
  const extraAt = patterns.map((p) => {
    const gaps = p.gaps;
    if (gaps.length === 0 && !p.caseSensitive) return 0;
    const at = extra.length;
    extra.num(p.caseSensitive ? X_CASE_SENSITIVE : 0, 1);
    extra.num(gaps.length, 2);
    for (const g of gaps) extra.num(g, 2);
    if (p.caseSensitive) {
      const cased = p.cased;
      extra.num(cased.length, 2);
      for (let i = 0; i < cased.length; i++) extra.push(cased.charCodeAt(i));
    }
    return at;
  });
  const widths = { pattern: 0, note: widthFor(Math.max(1, notes.noteIds.length)), extra: widthFor(extra.length) };
  const pats = new Units();
  patterns.forEach((p, i) => {
    pats.num(notes.index.get(p.noteId) ?? 0, widths.note);
    pats.num(extraAt[i] ?? 0, widths.extra);
  });

  // Lists hold at most one entry per pattern plus a count per terminal: bound their size first.
  widths.pattern = widthFor(Math.max(1, patterns.length * 2 * 4 + 64));
  const lists = new Units();
  const { trie, records } = layout(raw, widths.pattern, lists);
  return {
    format: FORMAT,
    noteIds: notes.noteIds,
    titles: notes.titles,
    trie: trie.toString(),
    lists: lists.toString(),
    patterns: pats.toString(),
    extra: extra.toString(),
    widths,
    stats: { notes: notes.noteIds.length, patterns: patterns.length, records, units: trie.length },
  };
}
