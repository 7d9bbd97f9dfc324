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
  /** The same, case kept (compared instead when `caseSensitive`). */
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

/** Identity of a pattern for deduplication: what it can match, not which note it belongs to. */
function patternKey(p: Pattern): string {
  return `${p.caseSensitive ? 'C' : 'I'}${p.gaps.join(',')}\u0000${p.caseSensitive ? p.cased : p.key}`;
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
  const seen = new Set<string>();
  const out: Pattern[] = [];
  for (const entry of entries) {
    if (entry === null || typeof entry !== 'object' || typeof entry.noteId !== 'string') continue;
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
