/**
 * Overlay guard: hides subscription overlays layered over text the page
 * already delivered (subscribe walls, shared-account notices, newsletter and
 * registration modals, metering banners) and undoes the scroll locks that came
 * with them. It never fetches, unlocks, un-truncates, un-blurs or un-fades
 * text, never touches cookies/storage/scripts/requests, and never hides
 * cookie/consent dialogs. Everything it hides can be shown again exactly.
 *
 * For the panel (see types.ts for every option):
 *   const { rules, errors } = siteRulesFor(readerRulesText, document);   // built-in + reader's
 *   const guard = startOverlayGuard({ doc, win, signal, articleBody, onChange, rules, onGate });
 *   guard.hidden()     the list for the panel ("Show again" → guard.showAgain())
 *   guard.gated()      { gated, kind: 'blurred' | 'faded' | 'clamped' | 'truncated' | null, element }:
 *                      when gated, the panel says "The full text isn't on this page"
 *   errors             bad lines of the reader's rules, with line numbers, for the rules editor
 *
 * Modules: words (word lists), geometry (layout facts), exclusions (never
 * hide), candidates (scan), shape (walls without words), pairing (backdrop +
 * box), rules + builtin-rules + rule-hits (site rules), gate (cut-off text, report only),
 * hide (style ledger), scroll-lock, reader (reader actions), budget (anti-loop
 * caps), registry (hidden groups), batch (mutations → work), guard (wiring).
 */
import { BUILTIN_RULES } from './builtin-rules';
import { browserSelectorCheck, parseRules, type ParsedRules } from './rules';

export type { HiddenOverlay, OverlayGuard, OverlayGuardOptions } from './types';
export type { GateKind, GateReport } from './gate';
export type { ParsedRules, RuleError, SiteRule } from './rules';
export { startOverlayGuard } from './guard';
export { detectGate, NO_GATE } from './gate';
export { parseRules, rulesForHost, browserSelectorCheck } from './rules';
export { BUILTIN_RULES } from './builtin-rules';

/**
 * Gloss's built-in rules plus the reader's (their per-site text from settings), parsed with the
 * browser's selector parser. Errors are the reader's lines only (the built-in list is tested),
 * numbered as in their text.
 */
export function siteRulesFor(readerRules: string, doc: Document): ParsedRules {
  const check = browserSelectorCheck(doc);
  const builtin = parseRules(BUILTIN_RULES, check);
  const reader = parseRules(readerRules, check);
  return { rules: [...builtin.rules, ...reader.rules], errors: reader.errors };
}
