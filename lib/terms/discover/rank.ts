/**
 * Turns merged groups into suggestions: drops what is not worth a note (capitalised only at
 * sentence openings, more often written in lower case), names the kind, picks the label and
 * orders by importance (mentions, then how early the first one comes).
 */
import { GENERIC_HEADS, GIVEN_NAMES, ORG_HEADS, PLACE_HEADS, PLACES } from './lexicon';
import type { Group, Occurrence } from './merge';
import { personLike } from './merge';
import { fold } from './fold';

export type SuggestionKind = 'person' | 'org' | 'place' | 'acronym' | 'term' | 'name';

export interface Ranked {
  group: Group;
  kind: SuggestionKind;
  label: string;
  aliases: string[];
  first: Occurrence;
  score: number;
}

/** Shapes only names have: inner capitals ("BusinessEurope", "McAllen") or capitalised halves ("Al-Qaeda"). */
const NAME_SHAPE = /\p{Ll}\p{Lu}|\p{Lu}\p{L}*-\p{Lu}/u;
/** Adverbs that open sentences ("Hardly", "Finalmente"). */
const ADVERB = /(?:ly|mente)$/u;

/**
 * Whether a group is a name or term worth suggesting. `lowerCounts` counts each folded word
 * written in lower case: "Cabinet" is no name in an article that also says "the cabinet".
 * A word capitalised only at sentence openings needs more: capitals, a name's shape, or two
 * sentences starting with it.
 */
export function worthy(g: Group, lowerCounts: ReadonlyMap<string, number>): boolean {
  if (g.kind === 'term') return true;
  if (g.words.length > 1 || g.surnamed) return true;
  const word = g.words[0]!;
  if (GENERIC_HEADS.has(word)) return false;
  const lower = lowerCounts.get(word) ?? 0;
  const caps = g.occurrences.filter((o) => !o.initial).length;
  if (caps > 0) return lower < caps;
  if (lower > 0 || ADVERB.test(word)) return false;
  return g.kind === 'acronym' || g.occurrences.some((o) => NAME_SHAPE.test(o.surface)) || g.occurrences.length >= 2;
}

export function kindOf(g: Group): SuggestionKind {
  if (g.kind === 'term') return 'term';
  const w = g.words;
  if (g.kind === 'acronym') return 'acronym';
  if (ORG_HEADS.has(w[w.length - 1]!) || ORG_HEADS.has(w[0]!)) return 'org';
  if (PLACE_HEADS.has(w[w.length - 1]!) || PLACE_HEADS.has(w[0]!) || PLACES.has(w.join(' '))) return 'place';
  const upper = g.occurrences.some((o) => o.words.length > 1 && o.surface === o.surface.toUpperCase());
  if (upper || /^(?:los|las|the|el|la)$/u.test(w[0]!)) return 'org';
  const titled = g.occurrences.some((o) => o.titled);
  if (personLike(w) && (g.surnamed || titled || GIVEN_NAMES.has(w[0]!))) return 'person';
  if (w.length === 1 && titled) return 'person';
  return 'name';
}

/** Most frequent surface among the longest forms, preferring those not at a sentence opening. */
function labelOf(g: Group): string {
  const longest = g.occurrences.filter((o) => o.words.length === g.words.length);
  // A capital at a sentence opening is not the name's own, except for terms (where it never is).
  const pool = g.kind !== 'term' && longest.some((o) => !o.initial) ? longest.filter((o) => !o.initial) : longest;
  const counts = new Map<string, number>();
  for (const o of pool) counts.set(o.surface, (counts.get(o.surface) ?? 0) + 1);
  let best = pool.reduce((a, b) => (b.start < a.start ? b : a)).surface;
  for (const [s, n] of counts) if (n > (counts.get(best) ?? 0)) best = s;
  return best;
}

/** The other forms seen, once each (by folded form), in order of appearance. */
function aliasesOf(g: Group, label: string): string[] {
  const seen = new Set([fold(label)]);
  const out: string[] = [];
  for (const o of [...g.occurrences].sort((a, b) => a.start - b.start)) {
    const k = fold(o.surface);
    if (!seen.has(k)) { seen.add(k); out.push(o.surface); }
  }
  return out;
}

/** Ranks groups, most important first. `length` is the text length (for the position bonus). */
export function rank(groups: readonly Group[], length: number): Ranked[] {
  const out: Ranked[] = groups.map((group) => {
    const first = group.occurrences.reduce((a, b) => (b.start < a.start ? b : a));
    const kind = kindOf(group);
    const label = labelOf(group);
    // Mentions weigh most; an early first mention (headline, lede) and being a proper name break ties.
    const early = 1 - first.start / Math.max(1, length);
    const score = group.occurrences.length + 1.5 * early + (kind === 'name' || kind === 'acronym' ? 0 : 0.25);
    return { group, kind, label, aliases: aliasesOf(group, label), first, score };
  });
  return out.sort((a, b) => b.score - a.score || a.first.start - b.first.start);
}
