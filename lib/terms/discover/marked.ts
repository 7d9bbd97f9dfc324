/**
 * Terms the article itself marks: italicised words (often foreign: *huachicol*), quoted or
 * hyphenated coinages (“narco-boats”), and the unmarked members of a marked coinage's family
 * ("narco-terrorist organizations" once “narco-terrorism” was marked).
 */
import { STOPWORDS } from './lexicon';
import type { Token } from './tokens';

/** A term found: its words (a run of tokens in one block). */
export type TermMention = Token[];

const HYPHEN = /[-\u2010\u2011]/u;
const QUOTED = /[\u201C\u201E"\u00AB\u2018]([^\u201C\u201D\u201E"\u00AB\u00BB\u2018\u2019\n]{1,48})[\u201D"\u00BB\u2019]/gu;
const MAX_ITALIC_WORDS = 4;
const MIN_QUOTED_LETTERS = 11;

const lower = (t: Token) => t.shape === 'lower';
/** A word that could be a term on its own: not a function word, at least three letters. */
const contentWord = (t: Token) => !STOPWORDS.has(t.key) && t.key.replace(/[^\p{L}]/gu, '').length >= 3;

/** Tokens lying wholly inside [start, end). */
function within(tokens: readonly Token[], start: number, end: number): Token[] {
  return tokens.filter((t) => t.start >= start && t.end <= end);
}

/** Strips function words from both ends ("a narco-government" → "narco-government"). */
function trim(words: Token[]): Token[] {
  let s = 0;
  let e = words.length;
  while (s < e && !contentWord(words[s]!)) s++;
  while (e > s && !contentWord(words[e - 1]!)) e--;
  return words.slice(s, e);
}

/** Italic runs of one to four words starting in lower case (capitalised ones are names). */
export function italicTerms(tokens: readonly Token[], italics: readonly [number, number][]): TermMention[] {
  const out: TermMention[] = [];
  for (const [s, e] of italics) {
    const words = trim(within(tokens, s, e));
    if (words.length === 0 || words.length > MAX_ITALIC_WORDS || !lower(words[0]!)) continue;
    out.push(words);
  }
  return out;
}

/**
 * Hyphenated words inside short quotations (“narco-boats”, “a narco-government”). Quotation
 * marks alone are too weak: they mostly quote ordinary speech (“help”, “additional measures”).
 */
export function quotedTerms(text: string, tokens: readonly Token[], start: number, end: number): TermMention[] {
  const out: TermMention[] = [];
  for (const m of text.slice(start, end).matchAll(QUOTED)) {
    const s = start + m.index + 1;
    const words = trim(within(tokens, s, s + m[1]!.length));
    if (words.length === 0 || words.length > 3) continue;
    // A long single word in quotes is a coinage too (Spanish «narcoterrorismo»), a short one mostly speech («ayuda»).
    const long = words.length === 1 && words[0]!.key.length >= MIN_QUOTED_LETTERS;
    for (const w of words) if (lower(w) && (HYPHEN.test(w.text) || long) && contentWord(w)) out.push([w]);
  }
  return out;
}

/** The part before the first hyphen: the family a coinage belongs to ("narco"). */
export function familyOf(key: string): string | null {
  const parts = key.split(/[-\u2010\u2011]/u);
  return parts.length > 1 && parts[0]!.length >= 3 ? parts[0]! : null;
}

/** Unmarked hyphenated lower-case words of a family some marked term belongs to. */
export function familyTerms(tokens: readonly Token[], families: ReadonlySet<string>): TermMention[] {
  const out: TermMention[] = [];
  for (const t of tokens) {
    const family = lower(t) ? familyOf(t.key) : null;
    if (family && families.has(family)) out.push([t]);
  }
  return out;
}
