/**
 * Discovery: the names and terms in an article that may deserve a note, most important first,
 * for the panel's "Also mentioned" list. Pure and DOM-read-only; small enough for the content
 * script (no NLP library: capitalisation, a few word lists and the article's own marks).
 *
 *   const suggestions = suggestTerms([info.headline, ...info.body], { lang: info.lang, exclude: hasNote });
 *
 * Files: read.ts reads the text; tokens.ts / blocks.ts split it; names.ts finds capitalised
 * names, marked.ts marked terms; merge.ts joins variants; rank.ts filters and orders;
 * lexicon.ts holds the word lists.
 */
import { proseBlocks, type TokenBlock } from './blocks';
import { noteKey } from './fold';
import { familyOf, familyTerms, italicTerms, quotedTerms } from './marked';
import { groupOccurrences, mergeSurnames, type Occurrence } from './merge';
import { findNames, type NameContext } from './names';
import { rank, worthy, type SuggestionKind } from './rank';
import { readText, type PageText } from './read';
import type { Token } from './tokens';

export type { SuggestionKind } from './rank';
export type { PageText } from './read';
export { readText } from './read';

export interface Suggestion {
  /** The fullest form as the article writes it: "Claudia Sheinbaum", "narco-terrorism". */
  label: string;
  /** Other forms seen ("Sheinbaum"), once each, in order of appearance; never the label. */
  aliases: string[];
  /** Mentions, all forms together. */
  count: number;
  /** Offset of the first mention in the text read (smaller is earlier). */
  firstIndex: number;
  /** The sentence of the first mention, whitespace collapsed. */
  sentence: string;
  kind: SuggestionKind;
}

export interface SuggestOptions {
  /** Page language ('en', 'es-MX'...): Spanish writes months in lower case, so "Mayo" may be a name. */
  lang?: string;
  /** Drops a suggestion if this is true for its label or an alias, folded like notes' keys (lib/notes/schema foldKey). */
  exclude?: (folded: string) => boolean;
  /** At most this many suggestions (default {@link DEFAULT_MAX}). */
  max?: number;
}

export const DEFAULT_MAX = 30;
const MAX_SENTENCE = 400;

const occurrence = (tokens: Token[], kind: Occurrence['kind'], text: string, titled = false): Occurrence => ({
  surface: text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end),
  words: tokens.map((t) => t.key),
  start: tokens[0]!.start,
  sentence: tokens[0]!.sentence,
  kind,
  initial: tokens[0]!.initial,
  titled,
});

/** Every mention of a marked term's words, marked or not ("narco-boats" quoted once, then plain). */
function termOccurrences(blocks: readonly TokenBlock[], marked: readonly Token[][], text: string): Occurrence[] {
  const keys = new Map(marked.map((m) => [m.map((t) => t.key).join(' '), m.length]));
  const out: Occurrence[] = [];
  for (const { tokens } of blocks) {
    for (let i = 0; i < tokens.length; i++) {
      for (const [key, n] of keys) {
        const run = tokens.slice(i, i + n);
        if (run.length === n && run.map((t) => t.key).join(' ') === key) out.push(occurrence(run, 'term', text));
      }
    }
  }
  return out;
}

/** Names (and acronyms) and marked terms of the prose blocks. */
function collect(blocks: readonly TokenBlock[], italics: readonly [number, number][], text: string, lang: string): Occurrence[] {
  const lowerWords = new Set(blocks.flatMap((b) => b.tokens.filter((t) => t.shape === 'lower').map((t) => t.key)));
  const ctx: NameContext = { lang, lowerWords };
  const out: Occurrence[] = [];
  const marked: Token[][] = [];
  for (const { block, tokens } of blocks) {
    for (const n of findNames(tokens, ctx)) {
      const acronym = n.tokens.length === 1 && n.tokens[0]!.shape === 'upper';
      out.push(occurrence(n.tokens, acronym ? 'acronym' : 'name', text, n.titled));
    }
    marked.push(...italicTerms(tokens, italics), ...quotedTerms(text, tokens, block.start, block.end));
  }
  const families = new Set(marked.map((m) => (m.length === 1 ? familyOf(m[0]!.key) : null)).filter((f): f is string => !!f));
  for (const { tokens } of blocks) marked.push(...familyTerms(tokens, families));
  return [...out, ...termOccurrences(blocks, marked, text)];
}

/**
 * The names and terms of the article in `roots` (body, headline...), most important first.
 * Reads the DOM only; bounded by the text read (see read.ts MAX_CHARS).
 */
export function suggestTerms(roots: readonly Element[], opts: SuggestOptions = {}): Suggestion[] {
  return suggestFromText(readText(roots), opts);
}

/**
 * The same from text already read (read.ts `readText`): the content script reads the page and
 * the background, which keeps the word lists out of every page, does the rest.
 */
export function suggestFromText(page: PageText, opts: SuggestOptions = {}): Suggestion[] {
  const blocks = proseBlocks(page);
  const lang = (opts.lang ?? '').toLowerCase().split('-')[0] ?? '';
  const lowerCounts = new Map<string, number>();
  for (const b of blocks) for (const t of b.tokens) if (t.shape === 'lower') lowerCounts.set(t.key, (lowerCounts.get(t.key) ?? 0) + 1);
  const groups = mergeSurnames(groupOccurrences(collect(blocks, page.italics, page.text, lang))).filter((g) => worthy(g, lowerCounts));
  const ends = new Map(blocks.flatMap((b) => [...b.sentenceEnds]));
  const out: Suggestion[] = [];
  for (const r of rank(groups, page.text.length)) {
    if (out.length >= (opts.max ?? DEFAULT_MAX)) break;
    if (opts.exclude && [r.label, ...r.aliases].some((s) => opts.exclude!(noteKey(s)))) continue;
    const s = r.first.sentence;
    const sentence = page.text.slice(s, ends.get(s) ?? s + MAX_SENTENCE).replace(/\s+/gu, ' ').trim().slice(0, MAX_SENTENCE);
    out.push({ label: r.label, aliases: r.aliases, count: r.group.occurrences.length, firstIndex: r.first.start, sentence, kind: r.kind });
  }
  return out;
}
