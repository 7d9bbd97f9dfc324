/**
 * The overlay guard: an initial scan, then a batched MutationObserver for
 * overlays that arrive late or come back; hides what candidates.ts finds,
 * pairs shades with boxes, undoes scroll locks, and reports the hidden list.
 */
import { collectBatch, topRoots } from './batch';
import { scan, type ScanContext } from './candidates';
import { articleInfo, type ArticleInfo } from './exclusions';
import { viewportOf } from './geometry';
import { StyleLedger } from './hide';
import { trackReaderActions } from './reader';
import { LockUndoer } from './scroll-lock';
import { Registry } from './registry';
import type { OverlayGuard, OverlayGuardOptions } from './types';

/** Coalesce mutations: pages insert a modal in several steps within a few ms. */
const FLUSH_MS = 50;
/** Look again at layers that were still sliding/fading in. */
const RECHECK_MS = 400;
const MAX_RECHECKS = 2;
/** Element visits per scan: the whole page once, then per batch. */
const INITIAL_BUDGET = 50_000;
const BATCH_BUDGET = 5_000;
/** A page-wide rescan (html/body class change) at most this often. */
const RESCAN_MS = 1000;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'open'] };

type Timer = ReturnType<typeof setTimeout>;

/** Start hiding overlays on doc; see types.ts for the contract. */
export function startOverlayGuard(opts: OverlayGuardOptions): OverlayGuard {
  const { doc, win, onChange } = opts;
  const now = opts.now ?? (() => performance.now());
  const life = new AbortController();
  const ledger = new StyleLedger();
  const exempt = new WeakSet<Element>();
  const rechecks = new WeakMap<Element, number>();
  const observed = new WeakSet<ShadowRoot>();
  const locks = new LockUndoer(doc, win, ledger);
  const registry = new Registry(ledger);
  let pending: MutationRecord[] = [];
  const extraRoots = new Set<Element>();
  const retryHidden = new Set<Element>();
  let rescanWanted = false;
  let lastRescan = Number.NEGATIVE_INFINITY;
  let article: ArticleInfo | undefined;
  let flushTimer: Timer | undefined;
  let laterTimer: Timer | undefined;
  let notifyTimer: Timer | undefined;
  let stopped = false;

  const reader = trackReaderActions(win, now, life.signal);
  const skip = (el: Element): boolean => ledger.has(el, 'display') || exempt.has(el);
  const ctx = (): ScanContext => ({ win, vp: viewportOf(doc, win), skip, article: () => (article ??= articleInfo(opts.articleBody)) });

  const observer = new MutationObserver((records) => {
    pending.push(...records);
    flushTimer ??= setTimeout(flush, FLUSH_MS);
  });

  function later(ms: number): void {
    laterTimer ??= setTimeout(() => {
      laterTimer = undefined;
      flush();
    }, ms);
  }

  function notify(): void {
    notifyTimer ??= setTimeout(() => {
      notifyTimer = undefined;
      const change = stopped ? null : registry.takeChange();
      if (change) onChange(change);
    }, 0);
  }

  function process(roots: Iterable<Element>, budget: number, lockCheck: boolean): void {
    const c = ctx();
    const res = scan(roots, c, budget);
    for (const sr of res.shadowRoots) {
      if (observed.has(sr)) continue;
      observed.add(sr);
      observer.observe(sr, OBSERVE);
    }
    for (const el of res.later) {
      const n = rechecks.get(el) ?? 0;
      if (n >= MAX_RECHECKS) continue;
      rechecks.set(el, n + 1);
      extraRoots.add(el);
      later(RECHECK_MS);
    }
    let hidNew = false;
    if (reader.recent()) {
      // The reader opened it (log-in, share, menu): theirs to close.
      for (const el of [...res.boxes.map((b) => b.el), ...res.backdrops]) exempt.add(el);
    } else {
      hidNew = registry.add(res.boxes, res.backdrops, c, now());
    }
    if ((hidNew || lockCheck) && registry.active().length && !reader.recent()) {
      locks.undo(now());
      // Rate-limited, not given up: try again in a second even if nothing else changes.
      if (locks.retry) later(1000);
    }
    notify();
  }

  function flush(): void {
    if (flushTimer !== undefined) clearTimeout(flushTimer);
    flushTimer = undefined;
    if (stopped) return;
    const records = pending.concat(observer.takeRecords());
    pending = [];
    const work = collectBatch(records, doc, (el) => ledger.has(el, 'display'));
    // The page re-showed something we hid (its own fight-back): hide it again, within budget.
    const retry = registry.reassert([...work.touchedHidden, ...retryHidden], now());
    retryHidden.clear();
    for (const el of retry) retryHidden.add(el);
    if (retry.length) later(1000);
    for (const el of extraRoots) work.roots.add(el);
    extraRoots.clear();
    rescanWanted ||= work.rootClassChanged;
    const retryLock = locks.retry;
    if (rescanWanted && now() - lastRescan >= RESCAN_MS) {
      rescanWanted = false;
      lastRescan = now();
      process([doc.documentElement], INITIAL_BUDGET, work.lockCheck || retryLock);
      return;
    }
    if (rescanWanted) later(RESCAN_MS);
    process(topRoots(work.roots, skip), BATCH_BUDGET, work.lockCheck || retryLock);
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    life.abort();
    observer.disconnect();
    for (const t of [flushTimer, laterTimer, notifyTimer]) if (t !== undefined) clearTimeout(t);
    pending = [];
  }

  if (!opts.signal.aborted) {
    opts.signal.addEventListener('abort', stop, { once: true, signal: life.signal });
    observer.observe(doc.documentElement, OBSERVE);
    process([doc.documentElement], INITIAL_BUDGET, false);
  } else {
    stopped = true;
  }

  return {
    hidden: () => registry.snapshot(),
    showAgain(): void {
      const had = registry.active().length > 0;
      stop();
      ledger.restoreAll();
      registry.clear();
      if (had) onChange([]);
    },
  };
}
