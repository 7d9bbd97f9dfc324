/**
 * The rules for what a title or alias means to the matcher, in one place so the notes validator
 * (at save time) and the dictionary compiler (at match time) can never disagree:
 *
 * - Rejected at save (and ignored by the compiler if they arrive anyway, e.g. from an old file):
 *   empty or only spaces; longer than {@link MAX_ALIAS_LENGTH} characters; no letter or digit at
 *   all ("...", "—", "()"); a single letter or digit ("X", "a.", "7").
 * - Everything else is matched literally: regex metacharacters ("C++", "[x]*y") are plain text.
 * - Case: case-insensitive, except acronyms (an upper-case letter, no lower-case one, at most
 *   {@link MAX_ACRONYM_LETTERS} letters: "WHO", "ICE", "UNESCO", "G7") and any alias written in
 *   double quotes (`"Who"`, `“Apple”`), which match exactly as written (quotes removed).
 * - Duplicates (the same alias on two notes, after folding): the entry that comes first in the
 *   dictionary keeps it; {@link findAliasConflicts} lets the editor say so before saving.
 */
import { createFoldBuffers, foldFully } from './fold-buffer';
import type { DictEntry } from './types';

/** Longest title or alias, in characters (the notes schema's limit too). */
export const MAX_ALIAS_LENGTH = 200;
/** Acronyms (case-sensitive by default) have at most this many letters. */
export const MAX_ACRONYM_LETTERS = 6;
/** Fewer letters/digits than this and an alias is too ambiguous to match. */
export const MIN_WORD_CHARS = 2;

/** Why an alias cannot be used; each is a message key the notes editor shows. */
export type AliasProblem = 'errAliasEmpty' | 'errAliasLong' | 'errAliasNoLetters' | 'errAliasTooShort';

/** An alias as the matcher reads it: the text to match and whether case matters. */
export interface ParsedAlias {
  text: string;
  caseSensitive: boolean;
}

const QUOTED = /^\s*["\u201C\u201D\u201E](.*)["\u201C\u201D\u201E]\s*$/su;

/** Shared scratch space: aliases are short and read one at a time. */
const scratch = createFoldBuffers(256);

const isHigh = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number): boolean => u >= 0xdc00 && u <= 0xdfff;

/** Letters and numbers (code points, not units) in the folded scratch text. */
function countWordChars(): number {
  const { word, lower } = scratch;
  let n = 0;
  for (let i = 0; i < scratch.n; i++) {
    if (word[i] === 1 && !(i > 0 && isLow(lower[i]!) && isHigh(lower[i - 1]!))) n++;
  }
  return n;
}

/** The string of `units[from, to)` (short: aliases are at most a few hundred units). */
function unitsToString(units: Uint16Array, from: number, to: number): string {
  return String.fromCharCode.apply(null, units.subarray(from, to) as unknown as number[]);
}

const keyUnits = new Uint16Array(1024);
const casedUnits = new Uint16Array(1024);

/** No gaps: shared by every alias without a separator (most of them), never written to. */
const NO_GAPS: readonly number[] = Object.freeze([]);

/**
 * The folded scratch text without its separators (runs of spaces and hyphens), lower-cased and,
 * when case matters, case-kept (else the lower-cased string again: its case is never read, and
 * building strings from units was about a tenth of a cold dictionary build), and the gaps: how
 * many units come before each separator run between two tokens.
 */
function joined(caseSensitive: boolean): { key: string; cased: string; gaps: readonly number[] } {
  let grown: number[] | null = null;
  let len = 0;
  let pending = false;
  for (let i = 0; i < scratch.n && len < keyUnits.length; i++) {
    const u = scratch.lower[i]!;
    if (u === 0x20 || u === 0x2d) {
      pending = len > 0;
      continue;
    }
    if (pending) (grown ??= []).push(len);
    pending = false;
    keyUnits[len] = u;
    casedUnits[len++] = scratch.cased[i]!;
  }
  const key = unitsToString(keyUnits, 0, len);
  return { key, cased: caseSensitive ? unitsToString(casedUnits, 0, len) : key, gaps: grown ?? NO_GAPS };
}

/** isAcronym over the scratch text's case-kept units (ASCII without building a string). */
function scratchIsAcronym(): boolean {
  let capitals = 0;
  for (let i = 0; i < scratch.n; i++) {
    const c = scratch.cased[i]!;
    if (c >= 0x80) return isAcronym(unitsToString(scratch.cased, 0, scratch.n));
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c >= 0x41 && c <= 0x5a) capitals++;
  }
  return capitals > 0 && capitals <= MAX_ACRONYM_LETTERS;
}

/** All-caps and short: has an upper-case letter, no lower-case one, few letters. */
export function isAcronym(cased: string): boolean {
  // ASCII fast path: the same rule, without a regex per character.
  let capitals = 0;
  let ascii = true;
  for (let i = 0; i < cased.length && ascii; i++) {
    const c = cased.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c >= 0x41 && c <= 0x5a) capitals++;
    ascii = c < 0x80;
  }
  if (ascii) return capitals > 0 && capitals <= MAX_ACRONYM_LETTERS;
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

/** An alias read once: what it matches, its folding, and why it cannot be used (or null). */
export interface AnalysedAlias extends ParsedAlias {
  problem: AliasProblem | null;
  /** Folded, lower-cased, separators removed ("narco-terrorism" → "narcoterrorism"); '' when there is a problem. */
  key: string;
  /** The same, case kept, when `caseSensitive`; otherwise equal to `key` (nothing reads its case). */
  cased: string;
  /** Units of `key` before each place the alias had a separator (where text may have a hyphen, spaces or nothing). */
  gaps: readonly number[];
}

/** Reads an alias once: the quote syntax, the acronym rule and the rejection rules. */
export function analyseAlias(alias: unknown): AnalysedAlias {
  if (typeof alias !== 'string' || alias.trim() === '') return rejected('', false, 'errAliasEmpty');
  if (alias.length > MAX_ALIAS_LENGTH) return rejected('', false, 'errAliasLong');
  const quoted = QUOTED.exec(alias);
  const text = quoted ? (quoted[1] ?? '') : alias;
  foldFully(text, scratch);
  const caseSensitive = quoted !== null || scratchIsAcronym();
  const words = countWordChars();
  if (words < MIN_WORD_CHARS) return rejected(text, caseSensitive, words === 0 ? 'errAliasNoLetters' : 'errAliasTooShort');
  const j = joined(caseSensitive);
  return { text, caseSensitive, problem: null, key: j.key, cased: j.cased, gaps: j.gaps };
}

/** An alias that cannot be used, and why. */
function rejected(text: string, caseSensitive: boolean, problem: AliasProblem): AnalysedAlias {
  return { text, caseSensitive, problem, key: '', cased: '', gaps: NO_GAPS };
}

/** Reads the quote syntax and the acronym rule (see the module comment). */
export function parseAlias(alias: string): ParsedAlias {
  const { text, caseSensitive } = analyseAlias(alias);
  return { text, caseSensitive };
}

/**
 * Why `alias` (a title or an alias) would never match, or null when it is fine. Call it from
 * the notes validator; the compiler ignores exactly the aliases this rejects.
 */
export function aliasProblem(alias: unknown): AliasProblem | null {
  return analyseAlias(alias).problem;
}

/**
 * What an alias can match, as a string: two aliases with the same key are duplicates ("Al
 * Qaeda" and "al qaeda"; "WHO" and "who" differ, one being case-sensitive). Null when the alias
 * is rejected by {@link aliasProblem}.
 */
export function aliasKey(alias: string): string | null {
  const a = analyseAlias(alias);
  if (a.problem !== null) return null;
  return `${a.caseSensitive ? 'C' : 'I'}${a.gaps.join(',')}\u0000${a.caseSensitive ? a.cased : a.key}`;
}

/** An alias of the edited note that another note already has. */
export interface AliasConflict {
  alias: string;
  /** The note that keeps it (it comes first in the dictionary). */
  noteId: string;
  title: string;
}

/**
 * The edited note's names (title and aliases) that other notes in `entries` already use, so the
 * editor can warn or refuse. `entries` in dictionary order; the edited note itself is skipped.
 */
export function findAliasConflicts(entries: readonly DictEntry[], edited: DictEntry): AliasConflict[] {
  const owners = new Map<string, DictEntry>();
  for (const e of entries) {
    if (e.noteId === edited.noteId) continue;
    for (const name of [e.title, ...e.aliases]) {
      const key = typeof name === 'string' ? aliasKey(name) : null;
      if (key !== null && !owners.has(key)) owners.set(key, e);
    }
  }
  const out: AliasConflict[] = [];
  for (const alias of [edited.title, ...edited.aliases]) {
    const key = aliasKey(alias);
    const owner = key === null ? undefined : owners.get(key);
    if (owner) out.push({ alias, noteId: owner.noteId, title: owner.title });
  }
  return out;
}
