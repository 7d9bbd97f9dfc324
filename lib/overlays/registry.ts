/**
 * The hidden overlays of one page: hides boxes and their shades through the
 * style ledger, groups a shade with its box, and says which groups are still
 * hidden. Shades seen without a box wait briefly as orphans, because sites
 * insert the shade and the box in separate tasks.
 */
import { Budget, FightBudget } from './budget';
import type { BoxCandidate, ScanContext } from './candidates';
import type { StyleLedger } from './hide';
import { eligibleBackdrops, PAIR_WINDOW_MS, siblingBackdrops } from './pairing';
import type { HiddenOverlay } from './types';
import { labelFor } from './words';

/** One overlay: its box first, then any shades. */
export interface Group {
  label: string;
  elements: Element[];
  at: number;
}

/** Hidden groups plus pairing state. */
export class Registry {
  private groups: Group[] = [];
  private orphans: Array<{ el: Element; at: number }> = [];
  /** Pages that recreate the overlay as a new element each time: cap new hides too. */
  private readonly newHides = new Budget<object>(20, 1000, 200);
  private readonly key = {};
  /** Re-hides of one element the page keeps re-showing (see budget.ts). */
  private readonly refight = new FightBudget<Element>();
  /** The list as last reported, to report only changes. */
  private delivered: Array<[Group, number]> = [];

  constructor(private readonly ledger: StyleLedger) {}

  private hide(el: Element, t: number): boolean {
    if (this.ledger.has(el, 'display') || !this.newHides.take(this.key, t)) return false;
    this.ledger.set(el, 'display', 'none');
    this.refight.wroteAt(el, t);
    return true;
  }

  /** Hide found boxes and pair shades at time t; true when a new overlay was hidden. */
  add(boxes: readonly BoxCandidate[], shades: readonly Element[], c: ScanContext, t: number): boolean {
    const fresh: Group[] = [];
    for (const { el, kind } of boxes) if (this.hide(el, t)) fresh.push({ label: labelFor(kind), elements: [el], at: t });
    this.orphans = this.orphans.filter((o) => t - o.at <= PAIR_WINDOW_MS && o.el.isConnected);
    // A shade arriving just after its box joins the box's group.
    const target = fresh[0] ?? this.groups.filter((g) => t - g.at <= PAIR_WINDOW_MS).at(-1);
    if (!target) {
      this.orphans.push(...shades.map((el) => ({ el, at: t })));
      return false;
    }
    for (const g of fresh) {
      for (const s of siblingBackdrops(g.elements[0] as Element, c)) if (this.hide(s, t)) g.elements.push(s);
    }
    const pool = fresh.length ? [...shades, ...this.orphans.map((o) => o.el)] : shades;
    for (const s of eligibleBackdrops(pool, c)) if (this.hide(s, t)) target.elements.push(s);
    if (fresh.length) this.orphans = [];
    this.groups.push(...fresh);
    return fresh.length > 0;
  }

  /** Shades seen without a box within the pairing window (shape.ts looks for a box above them). */
  orphansAt(t: number): Element[] {
    return this.orphans.filter((o) => t - o.at <= PAIR_WINDOW_MS && o.el.isConnected).map((o) => o.el);
  }

  /** Groups with at least one element still in the page and still hidden by us. */
  active(): Group[] {
    return this.groups.filter((g) => g.elements.some((e) => e.isConnected && this.ledger.isApplied(e, 'display')));
  }

  /** The public list. */
  snapshot(): HiddenOverlay[] {
    return this.active().map((g) => ({ label: g.label, elements: [...g.elements] }));
  }

  /**
   * The page re-showed elements we hid (at time t): hide them again within
   * budget. Returns the ones that were rate-limited but may be tried again later.
   */
  reassert(els: Iterable<Element>, t: number): Element[] {
    const retry: Element[] = [];
    for (const el of els) {
      if (!el.isConnected || this.ledger.isApplied(el, 'display')) continue;
      if (this.refight.take(el, t)) {
        this.ledger.set(el, 'display', 'none');
        this.refight.wroteAt(el, t);
      } else if (!this.refight.exhausted(el)) {
        retry.push(el);
      }
    }
    return retry;
  }

  /** The public list if it changed since the last call, else null. */
  takeChange(): HiddenOverlay[] | null {
    const list = this.active();
    const d = this.delivered;
    const same = list.length === d.length && list.every((g, i) => {
      const seen = d[i];
      return seen !== undefined && seen[0] === g && seen[1] === g.elements.length;
    });
    if (same) return null;
    this.delivered = list.map((g) => [g, g.elements.length]);
    return this.snapshot();
  }

  /** Forget everything (after the ledger restored the page). */
  clear(): void {
    this.groups = [];
    this.orphans = [];
    this.delivered = [];
  }
}
