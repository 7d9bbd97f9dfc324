/**
 * The overlay guard: an initial scan, then a batched MutationObserver for
 * overlays that arrive late or come back, plus a periodic look at the screen (probe.ts) for
 * walls revealed without a mutation; hides what candidates.ts (words), shape.ts (shape) and
 * the site rules (rule-hits.ts) find, pairs shades with boxes, undoes scroll locks, and
 * reports the hidden list and the gate (gate.ts).
 */
import { collectBatch, topRoots } from './batch';
import { scan } from './candidates';
import { articleInfo, type ArticleInfo } from './exclusions';
import { detectGate, NO_GATE, type GateReport } from './gate';
import { composedContains, parentOf, topAt, viewportOf } from './geometry';
import { StyleLedger } from './hide';
import { PAIR_WINDOW_MS } from './pairing';
import { PROBE_EARLY_FOR_MS, PROBE_EARLY_MS, PROBE_LATE_MS, unseenLayers } from './probe';
import { trackReaderActions } from './reader';
import { Registry } from './registry';
import { ruleHits } from './rule-hits';
import { rulesForHost, selectorList } from './rules';
import { LockUndoer } from './scroll-lock';
import { findShapeWalls, type ShapeContext } from './shape';
import type { OverlayGuard, OverlayGuardOptions } from './types';

/** Coalesce mutations: pages insert a modal in several steps within a few ms. */
const FLUSH_MS = 30;
/** Look again at layers that were still sliding/fading in. */
const RECHECK_MS = 400;
const MAX_RECHECKS = 3;
/** Element visits per scan: the whole page once, then per batch. */
const INITIAL_BUDGET = 50_000;
const BATCH_BUDGET = 5_000;
/** A page-wide rescan (html/body class change) at most this often. */
const RESCAN_MS = 1000;
/** Shape-only walls are recognised this long after the guard started ("right after load"). */
const SHAPE_WINDOW_MS = 15_000;
/** The gate is re-read at most this often. */
const GATE_MS = 1000;
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'open'] };
/** How far up from a change to look for a layer seen before. */
const MAX_LAYER_DEPTH = 40;

type Timer = ReturnType<typeof setTimeout>;

/** Start hiding overlays on doc; see types.ts for the contract. */
export function startOverlayGuard(opts: OverlayGuardOptions): OverlayGuard {
  const { doc, win, onChange } = opts;
  const now = opts.now ?? (() => performance.now());
  const startedAt = now();
  const life = new AbortController();
  const ledger = new StyleLedger();
  const exempt = new WeakSet<Element>();
  const rechecks = new WeakMap<Element, number>();
  const observed = new WeakSet<ShadowRoot>();
  const watchedFrames = new WeakSet<Element>();
  /** Covering layers seen without wall words: looked at again when their content changes. */
  const layersSeen = new WeakSet<Element>();
  /** Layers the screen probe already handed to a scan (each once). */
  const probed = new WeakSet<Element>();
  /** When subtrees appeared or changed (for shape.ts: only new layers can be shape walls). */
  const born = new WeakMap<Element, number>();
  const locks = new LockUndoer(doc, win, ledger);
  const registry = new Registry(ledger);
  const siteRules = rulesForHost(opts.rules ?? [], opts.host ?? doc.location?.hostname ?? '');
  const hideSelector = selectorList(siteRules, 'hide');
  const keepSelector = selectorList(siteRules, 'keep');
  let pending: MutationRecord[] = [];
  const extraRoots = new Set<Element>();
  const retryHidden = new Set<Element>();
  let rescanWanted = false;
  let lastRescan = Number.NEGATIVE_INFINITY;
  let lockChangedAt: number | undefined;
  let article: ArticleInfo | undefined;
  let gate: GateReport | undefined;
  let lastGate = Number.NEGATIVE_INFINITY;
  let flushTimer: Timer | undefined;
  let laterTimer: Timer | undefined;
  let notifyTimer: Timer | undefined;
  let gateTimer: Timer | undefined;
  let probeTimer: Timer | undefined;
  let stopped = false;

  const reader = trackReaderActions(win, now, life.signal);
  const matches = (el: Element, selector: string): boolean => {
    try {
      return el.matches(selector);
    } catch {
      return false;
    }
  };
  const kept = (el: Element): boolean => keepSelector !== '' && matches(el, keepSelector);
  const skip = (el: Element): boolean => ledger.has(el, 'display') || exempt.has(el) || kept(el);
  const getArticle = (): ArticleInfo => (article ??= articleInfo(opts.articleBody));

  function fresh(el: Element): boolean {
    const t = now();
    for (let e: Element | null = el; e; e = parentOf(e)) {
      const b = born.get(e);
      if (b !== undefined && t - b <= PAIR_WINDOW_MS) return true;
    }
    return false;
  }

  function ctx(): ShapeContext {
    const vp = viewportOf(doc, win);
    const hits = new Map<string, Element | null>();
    const hit = (x: number, y: number): Element | null => {
      const key = `${String(x)},${String(y)}`;
      if (!hits.has(key)) hits.set(key, topAt(doc, x, y));
      return hits.get(key) ?? null;
    };
    return {
      win,
      doc,
      vp,
      skip,
      article: getArticle,
      hit,
      fresh,
      onTop: (el) => {
        // The viewport's centre, and the centre of what of el is on screen.
        const r = el.getBoundingClientRect();
        const x = (Math.max(r.left, 0) + Math.min(r.right, vp.width)) / 2;
        const y = (Math.max(r.top, 0) + Math.min(r.bottom, vp.height)) / 2;
        return [hit(vp.width / 2, vp.height / 2), hit(Math.round(x), Math.round(y))].some((top) => !!top && composedContains(el, top));
      },
      frameLoading: (frame, layer) => {
        if (watchedFrames.has(frame)) return;
        watchedFrames.add(frame);
        frame.addEventListener('load', () => {
          extraRoots.add(layer);
          later(0);
        }, { once: true, signal: life.signal });
      },
    };
  }

  const observer = new MutationObserver((records) => {
    const t = now();
    const touched: Element[] = [];
    for (const r of records) {
      if (r.type !== 'attributes') continue;
      const target = r.target as Element;
      if (ledger.has(target, 'display')) touched.push(target);
      else if (target === doc.documentElement || target === doc.body) {
        // Our own scroll-lock writes are not the page (re-)locking.
        const ours = r.attributeName === 'style' && target.getAttribute('style') === ledger.lastWritten(target);
        if (!ours) lockChangedAt ??= t;
      }
    }
    // The page re-showed something we hid: answer before it is painted (within budget).
    if (touched.length && !stopped) {
      for (const el of registry.reassert(touched, t)) retryHidden.add(el);
      if (retryHidden.size) later(1000);
      notify();
    }
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

  function readGate(): GateReport {
    lastGate = now();
    const prompts = registry.active().flatMap((g) => g.elements);
    try {
      return detectGate(doc, opts.articleBody, { win, prompts });
    } catch {
      return NO_GATE;
    }
  }

  function checkGate(): void {
    if (stopped || gateTimer !== undefined) return;
    gateTimer = setTimeout(() => {
      gateTimer = undefined;
      if (stopped) return;
      const next = readGate();
      const prev = gate ?? NO_GATE;
      gate = next;
      if (next.gated !== prev.gated || next.kind !== prev.kind) opts.onGate?.(next);
    }, Math.max(0, lastGate + GATE_MS - now()));
  }

  /** Look again at a layer once its slide/fade-in animations are over (slow pages run them late). */
  function whenSettled(el: Element): void {
    try {
      const running = el.getAnimations().map((a) => a.finished.catch(() => undefined));
      void Promise.all(running).then(() => {
        if (stopped || !el.isConnected) return;
        extraRoots.add(el);
        later(0);
      });
    } catch {
      // No Web Animations API: the timed re-checks above are enough.
    }
  }

  /**
   * Scan roots and hide what is found. `arrived`: the roots are new or just changed (a mutation),
   * so shape.ts may count them as part of a new overlay; layers found by the screen probe were
   * there all along (only their styles changed) and must show wall words or match a rule.
   */
  function process(roots: Element[], budget: number, lockCheck: boolean, arrived = true): boolean {
    const t = now();
    if (arrived) for (const r of roots) born.set(r, t);
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
      whenSettled(el);
    }
    for (const el of res.layers) layersSeen.add(el);
    for (const el of res.backdrops) layersSeen.add(el);
    let hidNew = false;
    const tHide = now();
    if (reader.recent()) {
      // The reader opened it (log-in, share, menu, photo): theirs to close, and so is its lock.
      for (const el of [...res.boxes.map((b) => b.el), ...res.backdrops, ...res.layers, ...ruleHits(hideSelector, roots, res.shadowRoots, { skip, article: getArticle }).map((b) => b.el)]) exempt.add(el);
      if (lockCheck) locks.readerActed();
    } else {
      const boxes = [...res.boxes, ...ruleHits(hideSelector, roots, res.shadowRoots, { skip, article: getArticle })];
      if (tHide - startedAt <= SHAPE_WINDOW_MS && (res.layers.length || res.backdrops.length)) {
        const shades = [...res.backdrops, ...registry.orphansAt(tHide)];
        for (const el of findShapeWalls(res.layers, shades, c)) boxes.push({ el, kind: 'shape' });
      }
      // One entry per overlay: drop boxes inside other boxes.
      const distinct = boxes.filter((b, i) => !boxes.some((o, j) => j !== i && o.el !== b.el && composedContains(o.el, b.el)));
      hidNew = registry.add(distinct, res.backdrops, c, tHide);
      if ((hidNew || lockCheck) && registry.active().length) {
        locks.undo(lockChangedAt ?? tHide, now());
        // Rate-limited, not given up: try again in a second even if nothing else changes.
        if (locks.retry) later(1000);
      }
    }
    lockChangedAt = undefined;
    notify();
    return hidNew;
  }

  /**
   * Top-level children of body, last first (overlays are usually appended at the end), and
   * anything a script put straight into <html> next to <body>.
   */
  function wholePage(): Element[] {
    const html = doc.documentElement;
    const body = doc.body as HTMLElement | null;
    if (!body || body.parentElement !== html) return [html];
    const outside = [...html.children].filter((el) => el !== body && el.tagName !== 'HEAD');
    return [...outside.reverse(), ...[...body.children].reverse()];
  }

  function enclosingLayer(el: Element): Element | null {
    let e: Element | null = el;
    for (let depth = 0; e && depth < MAX_LAYER_DEPTH; e = parentOf(e), depth++) {
      if (layersSeen.has(e)) return e.isConnected && !skip(e) ? e : null;
    }
    return null;
  }

  function nearArticle(roots: readonly Element[]): boolean {
    const bodies = opts.articleBody;
    return roots.some((r) => bodies.some((b) => b.contains(r) || r.contains(b) || r.parentElement === b.parentElement));
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
    // A layer seen before whose content changed (a shell filled in later) is read again as a whole.
    for (const el of [...work.changed, ...work.roots]) {
      const layer = enclosingLayer(el);
      if (layer) work.roots.add(layer);
    }
    rescanWanted ||= work.rootClassChanged;
    const lockCheck = work.lockCheck || locks.retry;
    let roots: Element[];
    let budget = BATCH_BUDGET;
    if (rescanWanted && now() - lastRescan >= RESCAN_MS) {
      // A page-wide class ("paywall-open") may reveal a layer anywhere.
      rescanWanted = false;
      lastRescan = now();
      roots = wholePage();
      budget = INITIAL_BUDGET;
      born.set(doc.documentElement, now());
    } else {
      if (rescanWanted) later(RESCAN_MS);
      roots = topRoots(work.roots, skip);
    }
    // Text ticking somewhere, nodes removed: nothing to look at, no layout to read.
    if (!roots.length && !lockCheck) {
      notify(); // a hidden overlay may have left the page
      return;
    }
    const hidNew = process(roots, budget, lockCheck);
    if (hidNew || work.rootClassChanged || work.lockCheck || nearArticle(roots)) checkGate();
  }

  /**
   * Every so often, look at what the reader sees at a few points of the screen: a layer there that
   * no scan has examined appeared without a mutation (a stylesheet rule, a delayed animation).
   */
  function probe(): void {
    probeTimer = undefined;
    if (stopped) return;
    if (doc.visibilityState !== 'hidden') {
      const vp = viewportOf(doc, win);
      const layers = unseenLayers(vp, (x, y) => topAt(doc, x, y), win, probed).filter((el) => !skip(el) && !composedContains(el, doc.body ?? el));
      if (layers.length) {
        process(layers, BATCH_BUDGET, false, false);
        checkGate();
      }
    }
    probeTimer = setTimeout(probe, now() - startedAt < PROBE_EARLY_FOR_MS ? PROBE_EARLY_MS : PROBE_LATE_MS);
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    life.abort();
    observer.disconnect();
    for (const t of [flushTimer, laterTimer, notifyTimer, gateTimer, probeTimer]) if (t !== undefined) clearTimeout(t);
    pending = [];
  }

  if (!opts.signal.aborted) {
    opts.signal.addEventListener('abort', stop, { once: true, signal: life.signal });
    observer.observe(doc.documentElement, OBSERVE);
    born.set(doc.documentElement, startedAt);
    process(wholePage(), INITIAL_BUDGET, false);
    checkGate();
    probeTimer = setTimeout(probe, PROBE_EARLY_MS);
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
    gated: () => (gate ??= stopped ? NO_GATE : readGate()),
  };
}
