/**
 * Splits the text into tokenised blocks and drops page furniture: link lists, tags, bylines,
 * buttons' worth of words, and Title Case or ALL CAPS headings, where capitals say nothing.
 */
import { STOPWORDS } from './lexicon';
import type { Block, PageText } from './read';
import { tokenize, type Token } from './tokens';

export interface TokenBlock {
  block: Block;
  tokens: Token[];
  /** Sentence start → sentence end, for quoting the sentence of a mention. */
  sentenceEnds: Map<number, number>;
}

const TERMINAL = /[.!?\u2026:;"\u201D\u00BB)]\s*$/u;

/** Whether a block is furniture rather than prose. */
export function furniture(text: string, block: Block, tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.shape !== 'num');
  if (words.length < 4 && !TERMINAL.test(text.slice(block.start, block.end))) return true;
  if (block.linkChars > 0.6 * (block.end - block.start) && words.length < 15) return true;
  const inner = words.filter((t) => !t.initial);
  if (words.length >= 4 && words.filter((t) => t.shape === 'upper').length >= 0.6 * words.length) return true;
  // Title Case: mid-sentence function words capitalised ("Continues To Press For ...").
  const fn = inner.filter((t) => STOPWORDS.has(t.key));
  const fnCaps = fn.filter((t) => t.shape !== 'lower').length;
  return fnCaps >= 2 && fnCaps >= 0.5 * fn.length;
}

function sentenceEnds(tokens: readonly Token[], end: number): Map<number, number> {
  const out = new Map<number, number>();
  let prev: number | null = null;
  for (const t of tokens) {
    if (t.sentence === prev) continue;
    if (prev !== null) out.set(prev, t.sentence);
    prev = t.sentence;
  }
  if (prev !== null) out.set(prev, end);
  return out;
}

/** The prose blocks of the page, tokenised. */
export function proseBlocks(page: PageText): TokenBlock[] {
  const out: TokenBlock[] = [];
  for (const block of page.blocks) {
    const tokens = tokenize(page.text, block.start, block.end);
    if (tokens.length && !furniture(page.text, block, tokens)) out.push({ block, tokens, sentenceEnds: sentenceEnds(tokens, block.end) });
  }
  return out;
}
