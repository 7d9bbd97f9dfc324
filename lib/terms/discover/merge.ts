/**
 * Merges the mentions of one name or term into one group: case and accents ("EL PAÍS", "El
 * País"), a leading article ("Los Chapitos", "Chapitos"), inflection of terms ("narco-terrorism",
 * "narco-terrorist"), and a surname after the full name ("Claudia Sheinbaum", "Sheinbaum").
 */
import { ARTICLES, NOT_NAMES, ORG_HEADS, PLACE_HEADS, PLACES } from './lexicon';

export type MentionKind = 'name' | 'acronym' | 'term';

/** One mention, as the detectors found it. */
export interface Occurrence {
  surface: string;
  /** Folded words. */
  words: string[];
  start: number;
  /** Start of its sentence in the text. */
  sentence: number;
  kind: MentionKind;
  /** At a sentence opening (a capital proves nothing there). */
  initial: boolean;
  titled: boolean;
}

export interface Group {
  kind: MentionKind;
  /** Folded words of the longest form. */
  words: string[];
  occurrences: Occurrence[];
  /** Took in a shorter form of a person's name (a surname): a person. */
  surnamed: boolean;
}

/** Connectors that make a name an institution or a place ("Gulf of Mexico"), not a person. */
const NOT_PERSON = new Set(['of', 'the', 'for']);

/** Terms meet on a rough stem: "narco-boat(s)", "narco-terroris(m|t)", "narcolancha(s)". */
export function termStem(key: string): string {
  return key.length > 6 ? key.replace(/(?:ism|ist|isms|ists|es|s)$/u, '').replace(/(?:os|as|o|a)$/u, '') : key;
}

function keyOf(o: Occurrence): string {
  if (o.kind === 'term') return `t:${termStem(o.words.join(' '))}`;
  const words = o.words.length > 1 && ARTICLES.has(o.words[0]!) ? o.words.slice(1) : o.words;
  return `n:${words.join(' ')}`;
}

/** Groups occurrences by their folded key. */
export function groupOccurrences(occurrences: readonly Occurrence[]): Group[] {
  const groups = new Map<string, Group>();
  for (const o of occurrences) {
    const key = keyOf(o);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: o.kind, words: o.words, occurrences: [], surnamed: false }));
    g.occurrences.push(o);
    if (o.words.length > g.words.length) g.words = o.words;
    if (o.kind === 'name' && g.kind === 'acronym') g.kind = 'name';
  }
  return [...groups.values()];
}

/** Could be a person's full name: two to five capitalised words, no institution or place word. */
export function personLike(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 5) return false;
  return words.every((w) => !ORG_HEADS.has(w) && !PLACE_HEADS.has(w) && !NOT_PERSON.has(w) && !NOT_NAMES.has(w));
}

const endsWith = (long: readonly string[], short: readonly string[]) =>
  short.length < long.length && short.every((w, i) => long[long.length - short.length + i] === w);

/**
 * Folds surname groups into the full name they end ("Sheinbaum" into "Claudia Sheinbaum"),
 * choosing the most mentioned full name when several end the same way ("Trump").
 */
export function mergeSurnames(groups: Group[]): Group[] {
  const people = groups.filter((g) => g.kind === 'name' && personLike(g.words));
  const gone = new Set<Group>();
  // Longest first, so "López Obrador" joins "Andrés Manuel López Obrador" before "Obrador" looks.
  for (const g of [...groups].sort((a, b) => b.words.length - a.words.length)) {
    if (g.kind !== 'name' || (g.words.length === 1 && PLACES.has(g.words[0]!))) continue;
    let best: Group | null = null;
    for (const p of people) {
      if (p !== g && !gone.has(p) && endsWith(p.words, g.words) && (!best || p.occurrences.length > best.occurrences.length)) best = p;
    }
    if (!best) continue;
    best.occurrences.push(...g.occurrences);
    best.surnamed = true;
    gone.add(g);
  }
  return mergeAcronyms(mergePrefixed(groups.filter((g) => !gone.has(g))));
}

/** "AI Office" into "EU AI Office": the same institution with its acronym qualifier dropped. */
function mergePrefixed(groups: Group[]): Group[] {
  const gone = new Set<Group>();
  for (const g of groups) {
    if (g.kind !== 'name' || g.words.length < 2) continue;
    const long = groups.find((p) => p !== g && !gone.has(p) && p.words.length === g.words.length + 1 && endsWith(p.words, g.words) && p.occurrences.some((o) => /^\p{Lu}{2,}\s/u.test(o.surface)));
    if (!long) continue;
    long.occurrences.push(...g.occurrences);
    gone.add(g);
  }
  return groups.filter((g) => !gone.has(g));
}

/** Initials of a name's capitalised words: "Department of Homeland Security" → "dhs". */
const initials = (g: Group) => g.occurrences[0]!.surface.split(/\s+/u).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('').toLowerCase();

/** "FEMA" into "Federal Emergency Management Agency" when both appear: one institution. */
function mergeAcronyms(groups: Group[]): Group[] {
  const gone = new Set<Group>();
  for (const g of groups) {
    if (g.kind !== 'acronym') continue;
    const key = g.words[0]!.replace(/[^a-z]/gu, '');
    const long = groups.find((p) => p.kind === 'name' && p.words.length >= 2 && initials(p) === key);
    if (!long) continue;
    long.occurrences.push(...g.occurrences);
    gone.add(g);
  }
  return groups.filter((g) => !gone.has(g));
}
