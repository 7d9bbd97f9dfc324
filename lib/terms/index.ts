/**
 * Term matching: finds the reader's note titles and aliases in an article and
 * highlights them without touching the page DOM.
 *
 *   const matcher = buildMatcher(dictionary);           // once per dictionary
 *   const mentions = findMentions([headline, ...bodyElements], matcher);
 *   const counts = countMentions(mentions);             // [{ noteId, count }]
 *   const undo = highlightMentions(window, mentions);   // CSS.highlights 'gloss-term'
 */
export type { DictEntry, Matcher, Mention, TextMatch } from './types';
export { buildMatcher } from './matcher';
export { findMentions, countMentions, DEFAULT_MAX_TEXT_NODES } from './mentions';
export { highlightMentions, DEFAULT_HIGHLIGHT_NAME } from './highlight';
export { foldText, type FoldedText } from './fold';
