/**
 * Words of a block, each knowing its shape (capitalised, all capitals, lower case, number) and
 * whether it opens a sentence or a quotation, where capitals say nothing about names.
 */
import { fold, stripPossessive } from './fold';

export type Shape = 'cap' | 'upper' | 'lower' | 'num';

export interface Token {
  /** The word as written, possessive dropped ("Trump’s" → "Trump"). */
  text: string;
  /** Folded `text`. */
  key: string;
  start: number;
  end: number;
  shape: Shape;
  /** Had a possessive: a name ends here. */
  possessive: boolean;
  /** First word of a sentence, a quotation or a clause after a colon. */
  initial: boolean;
  /** Index in `text` of the start of this token's sentence. */
  sentence: number;
  /** Whether only spaces separate it from the previous token (a name may run on). */
  joined: boolean;
}

// Dotted acronyms ("U.S.") first; then words with inner hyphens or apostrophes ("Al-Qaeda", "O’Brien").
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-\u2010\u2011'\u2019][\p{L}\p{M}\p{N}]+)*/gu;
const END = /[.!?\u2026]/u;
const OPENING = /[\u201C\u201E"\u00AB\u2018\u00BF\u00A1:\u2014]\s*$/u;
const SPACES = /^[ \u00A0\u202F]{1,2}$/u;
const PLURAL_POSSESSIVE = /^['\u2019][ \u00A0]$/u;
const UPPER = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
/** Abbreviations whose period does not end a sentence. */
const ABBREV = new Set(['mr', 'mrs', 'ms', 'dr', 'sr', 'sra', 'srta', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'prof', 'jr', 'vs', 'no', 'inc', 'corp', 'co', 'ltd', 'dra', 'lic', 'ing', 'av', 'etc']);

function shapeOf(word: string): Shape {
  const first = word.codePointAt(0) ?? 0;
  const ch = String.fromCodePoint(first);
  if (/\p{N}/u.test(ch)) return 'num';
  if (UPPER.test(word)) return 'upper';
  return /[\p{Lu}\p{Lt}]/u.test(ch) ? 'cap' : 'lower';
}

/** Whether a period after `prev` is an abbreviation's rather than a full stop. */
function abbreviation(prev: Token | undefined, gap: string): boolean {
  if (!prev || !gap.startsWith('.')) return false;
  return prev.text.endsWith('.') || /^\p{Lu}$/u.test(prev.text) || ABBREV.has(prev.key);
}

/** Tokenises text[start, end) (one block). */
export function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  let sentence = start;
  let last = 0;
  for (const m of slice.matchAll(WORD)) {
    const at = m.index;
    const gap = slice.slice(last, at);
    const prev = out[out.length - 1];
    const ends = prev !== undefined && END.test(gap) && !abbreviation(prev, gap.trimStart());
    // A sentence starts after the space that follows its predecessor's full stop, so it keeps its opening quote.
    if (ends) sentence = start + last + gap.search(/\S*$/u);
    if (!prev) sentence = start + at;
    const raw = m[0];
    const bare = raw.endsWith('.') && raw.length > 2 && !/\p{Lu}\.$/u.test(raw) ? raw.slice(0, -1) : raw;
    const text2 = stripPossessive(bare);
    out.push({
      text: text2,
      key: fold(text2),
      start: start + at,
      end: start + at + text2.length,
      shape: shapeOf(raw),
      possessive: text2.length < bare.length,
      initial: !prev || ends || OPENING.test(gap),
      sentence,
      // "European Writers’ Council": a plural possessive inside a name.
      joined: prev !== undefined && !prev.possessive && (SPACES.test(gap) || (PLURAL_POSSESSIVE.test(gap) && /s$/u.test(prev.text))),
    });
    last = at + raw.length;
  }
  return out;
}
