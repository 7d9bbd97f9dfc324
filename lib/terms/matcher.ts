/**
 * Walking-skeleton matcher: patterns indexed by their first folded unit, tried
 * at every word start of the folded text; then a global longest-first choice
 * of non-overlapping matches. Linear in text length times the number of
 * patterns sharing a first letter, which is fine for personal dictionaries;
 * an Aho-Corasick version can replace it behind the same `Matcher` interface.
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
import { foldText, isWordCharAt, isWordCharBefore, type FoldedText } from './fold';
import { compilePatterns, type Pattern } from './patterns';
import type { DictEntry, Matcher, TextMatch } from './types';

const PLURALS = ['', 's', 'es'] as const;
const POSSESSIVES = ['', "'s", "'"] as const;

/** A candidate in folded coordinates: [start, end) is reported, [start, full) is consumed. */
interface Candidate {
  start: number;
  end: number;
  full: number;
  pattern: Pattern;
}

/** End (folded index) of the pattern's tokens matched at `at`, or -1. */
function matchTokens(p: Pattern, f: FoldedText, at: number): number {
  const src = p.caseSensitive ? f.cased : f.lower;
  const tokens = p.caseSensitive ? p.cased : p.lower;
  let pos = at;
  for (let k = 0; k < tokens.length; k++) {
    if (k > 0) {
      // Tokens never contain ' ' or '-', so consuming the separator greedily is the only way to go on.
      if (f.lower[pos] === '-') pos++;
      else while (f.lower[pos] === ' ') pos++;
    }
    const tok = tokens[k] ?? '';
    if (!src.startsWith(tok, pos)) return -1;
    pos += tok.length;
  }
  return pos;
}

/** Push every valid ending of a token match (endings are compared case-insensitively). */
function pushEndings(out: Candidate[], p: Pattern, f: FoldedText, start: number, core: number): void {
  for (const plural of PLURALS) {
    if (!f.lower.startsWith(plural, core)) continue;
    const end = core + plural.length;
    for (const poss of POSSESSIVES) {
      if (!f.lower.startsWith(poss, end)) continue;
      const full = end + poss.length;
      if (!isWordCharAt(f.lower, full)) out.push({ start, end, full, pattern: p });
    }
  }
}

/** Longest first, then earliest start, then dictionary order; keep what does not overlap. */
function select(candidates: Candidate[], length: number): Candidate[] {
  candidates.sort(
    (a, b) => b.full - b.start - (a.full - a.start) || a.start - b.start || a.pattern.priority - b.pattern.priority,
  );
  const taken = new Uint8Array(length);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.full && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.full);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

class IndexedMatcher implements Matcher {
  readonly #byFirstUnit = new Map<string, Pattern[]>();

  constructor(patterns: readonly Pattern[]) {
    for (const p of patterns) {
      const first = p.lower[0]?.[0];
      if (first === undefined) continue;
      const list = this.#byFirstUnit.get(first);
      if (list) list.push(p);
      else this.#byFirstUnit.set(first, [p]);
    }
  }

  match(text: string): TextMatch[] {
    if (this.#byFirstUnit.size === 0 || text === '') return [];
    const f = foldText(text);
    const candidates: Candidate[] = [];
    for (let i = 0; i < f.lower.length; i++) {
      const list = this.#byFirstUnit.get(f.lower[i] ?? '');
      if (list === undefined || isWordCharBefore(f.lower, i)) continue;
      for (const p of list) {
        const core = matchTokens(p, f, i);
        if (core >= 0) pushEndings(candidates, p, f, i, core);
      }
    }
    return select(candidates, f.lower.length).map((c) => ({
      start: f.start[c.start] ?? 0,
      end: f.end[c.end - 1] ?? text.length,
      noteId: c.pattern.noteId,
    }));
  }
}

/**
 * Build a matcher for a dictionary. Titles and aliases are compiled once; the
 * returned matcher is pure and can be reused for any number of texts.
 */
export function buildMatcher(entries: readonly DictEntry[]): Matcher {
  return new IndexedMatcher(compilePatterns(entries));
}
