/**
 * Text folding for term matching.
 *
 * Article text and dictionary aliases are compared in a "folded" form:
 * diacritics dropped, typographic variants (curly quotes, dashes, exotic
 * spaces) reduced to ASCII, invisible characters removed. Folding changes the
 * length of the text, so every folded UTF-16 unit remembers the original
 * span it came from: a match found in folded text maps back to exact offsets
 * in the original string (and from there to DOM Ranges).
 *
 * Folding is strictly per code point (no context), so fold(a + b) is
 * fold(a) + fold(b) and the offset maps stay simple and obviously correct.
 */

/** Result of {@link foldText}: two aligned folded strings plus offset maps. */
export interface FoldedText {
  /** Folded text, case-folded (per code point `toLowerCase`, locale independent). */
  readonly lower: string;
  /** Same folded text with the original case kept (for case-sensitive acronyms). Same length as `lower`. */
  readonly cased: string;
  /** `start[i]`: index in the original text of the code point that produced folded unit `i`. */
  readonly start: readonly number[];
  /**
   * `end[i]`: exclusive end in the original text of that code point, extended over any
   * combining marks that directly follow it (they belong to the same visible character).
   */
  readonly end: readonly number[];
}

// Typographic variants, applied after NFKD so compatibility forms (fullwidth, small
// forms) are already reduced to one of these.
const TYPOGRAPHIC: ReadonlyMap<string, string> = new Map([
  ['\u2018', "'"], ['\u2019', "'"], ['\u201A', "'"], ['\u201B', "'"], ['\u02BC', "'"], ['\u2032', "'"],
  ['\u201C', '"'], ['\u201D', '"'], ['\u201E', '"'], ['\u201F', '"'], ['\u2033', '"'],
  ['\u2010', '-'], ['\u2011', '-'], ['\u2012', '-'], ['\u2013', '-'], ['\u2014', '-'], ['\u2015', '-'],
  ['\u2212', '-'],
]);

/** Invisible characters that may split a word without changing how it reads. */
const INVISIBLE = /^[\u00AD\u200B-\u200D\u2060\uFEFF]$/u;
const MARK = /^\p{M}$/u;
const SPACE = /^\s$/u;
const WORD = /^[\p{L}\p{N}]/u;

/**
 * Fold one code point into its cased folded form (possibly empty, possibly
 * several units, e.g. the ligature "ﬁ" becomes "fi").
 */
export function foldCodePoint(cp: string): string {
  // Fast path for ASCII, most of the text in most articles: only whitespace changes.
  const code = cp.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d) ? ' ' : cp;
  let out = '';
  for (const ch of cp.normalize('NFKD')) {
    if (MARK.test(ch) || INVISIBLE.test(ch)) continue;
    const typo = TYPOGRAPHIC.get(ch);
    if (typo !== undefined) out += typo;
    else if (SPACE.test(ch)) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * Lower-case one code point without changing its length: `toLowerCase` is
 * locale independent, and the rare code points whose lower case has another
 * length are kept as they are so `lower` and `cased` stay aligned.
 */
export function lowerCodePoint(ch: string): string {
  const l = ch.toLowerCase();
  return l.length === ch.length ? l : ch;
}

/** Fold `text`, keeping for each folded unit the original span it came from. */
export function foldText(text: string): FoldedText {
  let lower = '';
  let cased = '';
  const start: number[] = [];
  const end: number[] = [];
  // First folded unit produced by the last code point that produced output, or -1 when
  // a dropped non-mark character (e.g. a soft hyphen) came after it: combining marks only
  // attach to the character directly before them.
  let lastEmitted = -1;
  let i = 0;
  for (const cp of text) {
    const next = i + cp.length;
    const folded = foldCodePoint(cp);
    if (folded === '') {
      if (lastEmitted >= 0 && MARK.test(cp)) {
        for (let k = lastEmitted; k < end.length; k++) end[k] = next;
      } else {
        lastEmitted = -1;
      }
    } else {
      lastEmitted = cased.length;
      for (const ch of folded) {
        cased += ch;
        lower += lowerCodePoint(ch);
        for (let u = 0; u < ch.length; u++) {
          start.push(i);
          end.push(next);
        }
      }
    }
    i = next;
  }
  return { lower, cased, start, end };
}

/** Whether the code point starting at `i` in `s` is a letter or number. */
export function isWordCharAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const cp = s.codePointAt(i);
  return cp !== undefined && WORD.test(String.fromCodePoint(cp));
}

/** Whether the code point ending just before `i` in `s` is a letter or number. */
export function isWordCharBefore(s: string, i: number): boolean {
  if (i <= 0 || i > s.length) return false;
  // Step back over a whole surrogate pair so astral letters count as letters.
  const pair = i >= 2 && isLowSurrogate(s.charCodeAt(i - 1)) && isHighSurrogate(s.charCodeAt(i - 2));
  return isWordCharAt(s, pair ? i - 2 : i - 1);
}

const isHighSurrogate = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;
const isLowSurrogate = (u: number): boolean => u >= 0xdc00 && u <= 0xdfff;
