/**
 * Turns dictionary entries into match patterns (the compiler's first step, see compile.ts).
 *
 * An alias is folded like article text (see fold.ts) and its runs of spaces and hyphens become
 * gaps: where the alias has one, the text may have a hyphen, a run of spaces, or nothing, so
 * "narco-terrorism" also finds "narco terrorism" and "narcoterrorism". What is rejected and
 * what is case-sensitive is decided in rules.ts.
 */
import { analyseAlias } from './rules';
import type { DictEntry } from './types';

/** A compiled alias. */
export interface Pattern {
  readonly noteId: string;
  /** Folded, lower-cased, separators removed (see AnalysedAlias). */
  readonly key: string;
  /** The same, case kept, compared instead when `caseSensitive` (else equal to `key`). */
  readonly cased: string;
  /** Where the text may have a separator: units of `key` before each gap. */
  readonly gaps: readonly number[];
  readonly caseSensitive: boolean;
  /** Rank in dictionary order (title before aliases, earlier notes first): lower wins ties. */
  readonly priority: number;
}

/** Compile one alias, or return undefined when rules.ts rejects it. */
export function compileAlias(alias: string, noteId: string, priority: number): Pattern | undefined {
  const { problem, key, cased, gaps, caseSensitive } = analyseAlias(alias);
  if (problem !== null || key === '' || key.length !== cased.length) return undefined;
  return { noteId, key, cased, gaps, caseSensitive, priority };
}

/** Whether two patterns can match exactly the same text (which note they belong to aside). */
function samePattern(a: Pattern, b: Pattern): boolean {
  if (a.caseSensitive !== b.caseSensitive || (a.caseSensitive && a.cased !== b.cased) || a.gaps.length !== b.gaps.length) return false;
  return a.gaps.every((g, i) => g === b.gaps[i]);
}

/** Title then aliases, tolerating malformed entries from the wire (types are not checked at runtime). */
export function namesOf(entry: DictEntry): unknown[] {
  const aliases: unknown = entry.aliases;
  return [entry.title, ...(Array.isArray(aliases) ? (aliases as unknown[]) : [])];
}

/**
 * Compile a whole dictionary. Titles count as aliases. When several notes share an alias the
 * first one (in dictionary order) keeps it, so results do not depend on hash or sort order.
 * Bad input is skipped, never thrown on.
 */
export function compilePatterns(entries: readonly DictEntry[]): Pattern[] {
  // Patterns by key, the key being a string the pattern already holds: a duplicate shares its
  // key, and comparing the few patterns of one key is cheaper than building an identity string
  // for each of tens of thousands (the dictionary build's budget is 200 ms for 30,000 aliases).
  const byKey = new Map<string, Pattern | Pattern[]>();
  const out: Pattern[] = [];
  for (const entry of entries) {
    if (entry === null || typeof entry !== 'object' || typeof entry.noteId !== 'string') continue;
    for (const name of namesOf(entry)) {
      if (typeof name !== 'string') continue;
      const p = compileAlias(name, entry.noteId, out.length);
      if (p === undefined) continue;
      const same = byKey.get(p.key);
      if (same === undefined) byKey.set(p.key, p);
      else if (Array.isArray(same)) {
        if (same.some((q) => samePattern(p, q))) continue;
        same.push(p);
      } else {
        if (samePattern(p, same)) continue;
        byKey.set(p.key, [same, p]);
      }
      out.push(p);
    }
  }
  return out;
}
