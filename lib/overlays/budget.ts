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
