/**
 * Term matching: finds the reader's note titles and aliases in an article and highlights them
 * without touching the page DOM.
 *
 *   // background, once per dictionary version (send `compiled` to content scripts as is)
 *   const compiled = compileDictionary(entries);
 *   // content script, per page: O(1), no rebuild
 *   const matcher = matcherFromCompiled(compiled);
 *   const mentions = await findMentionsSliced(roots, matcher, { signal, yield: nextTask });
 *   const counts = countMentions(mentions);             // [{ noteId, count }]
 *   const undo = highlightMentions(window, mentions);   // CSS.highlights 'gloss-term'
 *
 * Content-script modules never import compile.ts, so the compiler stays out of that bundle.
 */
export type { DictEntry, Matcher, Mention, TextMatch } from './types';
export type { CompiledDictionary } from './format';
export { compileDictionary } from './compile';
export { matcherFromCompiled, type CompiledMatcher } from './automaton';
export { buildMatcher } from './matcher';
export {
  aliasProblem, aliasKey, findAliasConflicts, MAX_ALIAS_LENGTH, MAX_ACRONYM_LETTERS, MIN_WORD_CHARS,
  type AliasProblem, type AliasConflict,
} from './rules';
export { findMentions, findMentionsSliced, countMentions, DEFAULT_MAX_TEXT_NODES, type SlicedOptions } from './mentions';
export { highlightMentions, DEFAULT_HIGHLIGHT_NAME } from './highlight';
export { collectTexts, collectTextsSliced, matchTexts, mentionsFromMatches, type CollectedTexts, type SegmentMatch } from './remote';
export { foldText, type FoldedText } from './fold';
export { startTermInteraction, ACTIVE_HIGHLIGHT_NAME, type TermInteraction, type TermInteractionOptions } from './interaction';
export { createTooltip, type Tooltip, type Anchor } from './tooltip';
export { watchArticle, type WatchOptions } from './watch';
