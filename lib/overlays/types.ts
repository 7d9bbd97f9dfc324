/**
 * Public types of the overlay guard (see index.ts for the contract).
 */
import type { GateReport } from './gate';
import type { SiteRule } from './rules';

/** One overlay Gloss hid, as listed in the panel. */
export interface HiddenOverlay {
  /** Short human label for the panel, e.g. 'Subscription notice', 'Newsletter sign-up'. Built from the overlay's kind, never from page text. */
  label: string;
  /** The live elements hidden as ONE overlay: a backdrop and its box count as one. */
  elements: Element[];
}

/** Inputs of startOverlayGuard. */
export interface OverlayGuardOptions {
  doc: Document;
  win: Window;
  /** Everything (observer, listeners, timers) is released when this aborts. */
  signal: AbortSignal;
  /** Live article body elements (from article detection); an overlay candidate must not contain them or a real share of their text. */
  articleBody: Element[];
  /** Clock, injected for tests. Default: () => performance.now(). */
  now?: () => number;
  /** Called (batched, at most once per frame/tick) whenever the hidden list changes. */
  onChange: (hidden: readonly HiddenOverlay[]) => void;
  /**
   * Site rules (rules.ts): built-in plus the reader's, parsed with parseRules. Rules for other
   * sites are ignored, so passing them all is fine. `##` rules hide matching elements (never
   * article text or consent dialogs); `#@#` rules keep them from ever being hidden. Default: none.
   */
  rules?: readonly SiteRule[];
  /** Hostname the rules are matched against. Default: doc.location.hostname. */
  host?: string;
  /**
   * Called when the gate report changes (gate.ts): the article text is visibly blurred, faded,
   * clamped or cut off at a "subscribe to continue reading" prompt, so the panel can say "The
   * full text isn't on this page". Not called while nothing is gated. Checked at start and again
   * (at most once a second) after changes near the article or when an overlay is hidden.
   */
  onGate?: (gate: GateReport) => void;
}

/** Handle returned by startOverlayGuard. */
export interface OverlayGuard {
  /** Overlays currently hidden (elements still in the page and still hidden by us). */
  hidden(): readonly HiddenOverlay[];
  /** Restore exactly what was hidden (elements' inline styles and the scroll lock styles as they were) and stop hiding on this page (until reload). */
  showAgain(): void;
  /** The latest gate report (computed now if none yet); reading it never changes the page. */
  gated(): GateReport;
}
