/**
 * Compiles dictionary entries into match patterns.
 *
 * An alias is folded like article text (see fold.ts) and split into tokens at
 * runs of spaces and hyphens: between two tokens the text may have a hyphen,
 * a run of spaces, or nothing, so "narco-terrorism" also finds "narco
 * terrorism" and "narcoterrorism". Short all-caps aliases (acronyms such as
 * "WHO", "ICE", "ISIS") compare case-sensitively so the common words "who" and
 * "ice" are not taken for them.
 */
import { foldText, isWordCharAt } from './fold';
import type { DictEntry } from './types';

/** A compiled alias. */
export interface Pattern {
  readonly noteId: string;
  /** Lower-case folded tokens (no spaces or hyphens inside). */
  readonly lower: readonly string[];
  /** Case-kept folded tokens, compared instead of `lower` when `caseSensitive`. */
  readonly cased: readonly string[];
  readonly caseSensitive: boolean;
  /** Rank in dictionary order (title before aliases, earlier notes first): lower wins ties. */
  readonly priority: number;
}

/** Acronyms are at most this many letters long. */
const MAX_ACRONYM_LETTERS = 6;
/** Aliases with fewer letters/digits than this are ignored (too ambiguous). */
const MIN_WORD_CHARS = 2;
const SEPARATORS = /[ -]+/u;

function countWordChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isWordCharAt(s, i)) n++;
  return n;
}

/** All-caps and short: has an upper-case letter, no lower-case one, few letters. */
export function isAcronym(cased: string): boolean {
  let letters = 0;
  let upper = false;
  for (const ch of cased) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    if (ch !== ch.toUpperCase()) return false; // has a lower-case form somewhere
    if (ch !== ch.toLowerCase()) upper = true;
  }
  return upper && letters <= MAX_ACRONYM_LETTERS;
}

/**
 * Compile one alias, or return undefined when it must be ignored (empty,
 * whitespace or punctuation only, or a single letter/digit).
 */
export function compileAlias(alias: string, noteId: string, priority: number): Pattern | undefined {
  const folded = foldText(alias);
  if (countWordChars(folded.lower) < MIN_WORD_CHARS) return undefined;
  const lower = folded.lower.split(SEPARATORS).filter((t) => t !== '');
  const cased = folded.cased.split(SEPARATORS).filter((t) => t !== '');
  return { noteId, lower, cased, caseSensitive: isAcronym(folded.cased), priority };
}

/** Identity of a pattern for deduplication: what it can match, not which note it belongs to. */
function patternKey(p: Pattern): string {
  return p.caseSensitive ? `C\u0000${p.cased.join('\u0000')}` : `I\u0000${p.lower.join('\u0000')}`;
}

/** Title then aliases, tolerating malformed entries from the wire (types are not checked at runtime). */
function namesOf(entry: DictEntry): unknown[] {
  const aliases: unknown = entry.aliases;
  return [entry.title, ...(Array.isArray(aliases) ? (aliases as unknown[]) : [])];
}

/**
 * Compile a whole dictionary. Titles count as aliases. When several notes
 * share an alias the first one (in dictionary order) keeps it, so results do
 * not depend on hash or sort order. Bad input is skipped, never thrown on.
 */
export function compilePatterns(entries: readonly DictEntry[]): Pattern[] {
  const seen = new Set<string>();
  const out: Pattern[] = [];
  for (const entry of entries) {
    for (const name of namesOf(entry)) {
      if (typeof name !== 'string') continue;
      const p = compileAlias(name, entry.noteId, out.length);
      if (p === undefined) continue;
      const key = patternKey(p);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}
