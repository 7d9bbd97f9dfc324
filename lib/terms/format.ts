/**
 * The compiled dictionary's wire format, shared by the compiler (background, compile.ts) and
 * the automaton (content script, automaton.ts).
 *
 * Why strings: the compiled dictionary travels from the background to every content script by
 * runtime messaging, which Chrome serialises as JSON (a typed array would become an object with
 * one key per element) and Firefox by structured clone. A few strings survive both unchanged
 * and cheaply, and the content script reads them in place with charCodeAt: no decoding, no
 * rebuild, O(1) to load. Numbers are base-64 digits (A-Z a-z 0-9 + /): ASCII, so for Latin
 * dictionaries the strings stay one-byte, which JSON.parse copies several times faster than
 * two-byte text, and nothing needs JSON escaping.
 *
 * `trie`: a trie over the lower-case folded units of each alias with its separators removed
 * ("narco-terrorism" is stored as "narcoterrorism"; a GAP flag marks where the text may have a
 * hyphen or a run of spaces), unary chains merged into one record, records in pre-order (a
 * record's first child follows it directly). Record at offset `o`:
 *   header      1 digit: TERMINAL | GAP | MULTI | WIDE | LONG_REST | MANY
 *   restLen     1 digit (2 with LONG_REST): raw units of the chain after the edge label
 *   childCount  1 digit (3 with MANY)
 *   rest        restLen raw units
 *   terminal    if TERMINAL: `widths.pattern` digits: a pattern index (with MULTI: an offset
 *               into `lists`)
 *   labels      childCount raw units, ascending
 *   offsets     childCount - 1 offsets of children 2.. relative to `o`: 2 digits (4 with WIDE)
 * The root record is at offset 0 (restLen 0, never terminal).
 *
 * `lists`: count then count pattern indices (`widths.pattern` digits each), earliest first.
 * `patterns`: per pattern, note index (`widths.note` digits) then offset into `extra`
 *   (`widths.extra` digits; 0 is a shared "nothing to check" record).
 * `extra`: flags (1 digit: CASE_SENSITIVE), gapCount (2), gap depths (2 each: joined units
 *   before each gap), and if CASE_SENSITIVE: length (2) then the raw case-kept folded units.
 * A pattern's index is its priority: lower wins ties (earlier note, title before aliases).
 */

/** Format version; a content script given another version matches nothing rather than misread it. */
export const FORMAT = 2;

export const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Digit value by char code (-1: not a digit). */
export const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

export const F_TERMINAL = 1;
export const F_GAP = 2;
export const F_MULTI = 4;
export const F_WIDE = 8;
export const F_LONG_REST = 16;
export const F_MANY = 32;
export const X_CASE_SENSITIVE = 1;

/** Largest child offset a narrow (2-digit) record can hold. */
export const NARROW_LIMIT = 64 * 64;
/** The longest folded alias (in joined units) the compiler keeps: its length fits 2 digits. */
export const MAX_JOINED_UNITS = 400;
/** Most children one record can have (3 digits). */
export const MAX_CHILDREN = 64 ** 3 - 1;

/** Reads a `width`-digit number at `at` in `s` (NaN if malformed). */
export function readNum(s: string, at: number, width: number): number {
  let v = 0;
  for (let k = 0; k < width; k++) v = v * 64 + (DIGIT_VALUE[s.charCodeAt(at + k)] ?? Number.NaN);
  return v;
}

/** The char code of digit `d` (0..63). */
export function digitCode(d: number): number {
  return DIGITS.charCodeAt(d);
}

/** Digits needed for numbers up to `max` (at least 1). */
export function widthFor(max: number): number {
  let w = 1;
  while (64 ** w <= max) w++;
  return w;
}

/**
 * The background's compiled dictionary: send it as is to content scripts (JSON- and
 * structured-clone-safe: strings, string arrays and numbers only).
 */
export interface CompiledDictionary {
  format: typeof FORMAT;
  /** Note ids and titles, by note index (titles are for the hover tooltip; no note body). */
  noteIds: string[];
  titles: string[];
  trie: string;
  lists: string;
  patterns: string;
  extra: string;
  /** Digits per number in `trie` terminals and `lists` (pattern), and in `patterns`. */
  widths: { pattern: number; note: number; extra: number };
  /** Sizes, for diagnostics and the benchmark. */
  stats: { notes: number; patterns: number; records: number; units: number };
}

/** A dictionary with nothing in it (what malformed input loads as). */
export const EMPTY_DICTIONARY: CompiledDictionary = {
  format: FORMAT, noteIds: [], titles: [], trie: '', lists: '', patterns: '', extra: '',
  widths: { pattern: 1, note: 1, extra: 1 }, stats: { notes: 0, patterns: 0, records: 0, units: 0 },
};

/** Whether `c` looks like a compiled dictionary of this format (the strings are not checked). */
export function isCompiled(c: unknown): c is CompiledDictionary {
  const d = c as CompiledDictionary | null;
  return (
    typeof d === 'object' && d !== null && d.format === FORMAT && Array.isArray(d.noteIds) && Array.isArray(d.titles) &&
    typeof d.trie === 'string' && typeof d.lists === 'string' && typeof d.patterns === 'string' && typeof d.extra === 'string' &&
    typeof d.widths === 'object' && d.widths !== null &&
    [d.widths.pattern, d.widths.note, d.widths.extra].every((w) => Number.isInteger(w) && w >= 1 && w <= 6)
  );
}

/** A trie record's fixed fields, decoded (see the module comment). */
export interface RecordView {
  flags: number;
  rest: number;
  children: number;
  /** Offset of the chain's units; then the terminal payload, labels and offsets follow. */
  body: number;
}

/** Decodes the fixed part of the record at `o`. */
export function view(t: string, o: number, out: RecordView): RecordView {
  const flags = DIGIT_VALUE[t.charCodeAt(o)]!;
  let q = o + 1;
  if (flags & F_LONG_REST) {
    out.rest = DIGIT_VALUE[t.charCodeAt(q)]! * 64 + DIGIT_VALUE[t.charCodeAt(q + 1)]!;
    q += 2;
  } else out.rest = DIGIT_VALUE[t.charCodeAt(q++)]!;
  if (flags & F_MANY) {
    out.children = (DIGIT_VALUE[t.charCodeAt(q)]! * 64 + DIGIT_VALUE[t.charCodeAt(q + 1)]!) * 64 + DIGIT_VALUE[t.charCodeAt(q + 2)]!;
    q += 3;
  } else out.children = DIGIT_VALUE[t.charCodeAt(q++)]!;
  out.flags = flags;
  out.body = q;
  return out;
}
