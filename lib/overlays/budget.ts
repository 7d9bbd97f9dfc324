/**
 * Rate limits that stop a fight with the page before it becomes a loop.
 *
 * Some sites re-show an overlay (or re-apply a scroll lock) whenever it is
 * hidden, sometimes from their own MutationObserver. Each re-hide is charged
 * to its element: a few per second, a fixed number per page. When the page
 * insists beyond that, the page wins and Gloss stops touching that element.
 */

/** Sliding-window plus lifetime cap, per key. */
export class Budget<K extends object> {
  private readonly uses = new WeakMap<K, { times: number[]; total: number }>();

  constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
    private readonly lifetime: number,
  ) {}

  /** Charge one use to key at time t; false when the key is out of budget. */
  take(key: K, t: number): boolean {
    let u = this.uses.get(key);
    if (!u) {
      u = { times: [], total: 0 };
      this.uses.set(key, u);
    }
    u.times = u.times.filter((x) => t - x < this.windowMs);
    if (u.times.length >= this.perWindow || u.total >= this.lifetime) return false;
    u.times.push(t);
    u.total++;
    return true;
  }

  /** True once key used its whole lifetime budget. */
  exhausted(key: K): boolean {
    return (this.uses.get(key)?.total ?? 0) >= this.lifetime;
  }
}

/** A page that answers within this long after our write is reacting to it (an observer). */
export const REACT_MS = 20;

/**
 * Budget for re-doing one change the page keeps undoing. A page that undoes
 * our write at once (its own MutationObserver) is a loop in the making: a few
 * re-dos a second, 10 in all. A page that undoes it on its own schedule (a
 * timer re-showing the wall every second) is not a loop: it is answered more
 * patiently, but still a bounded number of times.
 */
export class FightBudget<K extends object> {
  private readonly reactive = new Budget<K>(3, 1000, 10);
  private readonly slow = new Budget<K>(5, 1000, 60);
  private readonly wrote = new WeakMap<K, number>();
  /** Keys the page has fought reactively once: from then on only the strict budget applies. */
  private readonly looping = new WeakSet<K>();

  /** Record that we wrote key at time t. */
  wroteAt(key: K, t: number): void {
    this.wrote.set(key, t);
  }

  /** May we redo key at time t? Charges the matching budget. */
  take(key: K, t: number): boolean {
    const last = this.wrote.get(key);
    if (this.reactive.exhausted(key)) return false;
    if (last !== undefined && t - last <= REACT_MS) this.looping.add(key);
    return this.looping.has(key) ? this.reactive.take(key, t) : this.slow.take(key, t);
  }

  /** True once key is out of budget for good. */
  exhausted(key: K): boolean {
    return this.reactive.exhausted(key) || this.slow.exhausted(key);
  }
}
