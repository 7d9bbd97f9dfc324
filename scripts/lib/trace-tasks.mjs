// @ts-check
/**
 * Which long main-thread tasks were the content script's? From a Chrome trace (CDP Tracing with
 * the categories in {@link TRACE_CATEGORIES}): the scheduler's task events give the tasks'
 * bounds, the V8 sampling profiler's samples say which script was on the stack. A sample whose
 * stack holds a frame of the given script URL prefix is that script's time, including the
 * layout or style work its DOM calls forced (V8 keeps the calling frames on the stack then).
 *
 * Why not the page's Long Tasks API: it sees every task of the page's thread, the page's own
 * scripts and layout included, and attributes none of them to an extension (neither does the
 * Long Animation Frames API, by design). Why not the sampling profile alone: it has no task
 * bounds, so Gloss's time-sliced work (8 ms slices with yields between) would read as one
 * long stretch.
 */

/** Trace categories this module needs: task bounds and V8 samples. */
export const TRACE_CATEGORIES = ['toplevel', 'disabled-by-default-v8.cpu_profiler'];

const TASK = 'ThreadControllerImpl::RunTask';
/** V8 samples a busy thread every few hundred microseconds; a longer interval was mostly idle. */
const MAX_WEIGHT_US = 2000;

/**
 * @typedef {{ id: number, parent?: number, callFrame?: { url?: string, functionName?: string } }} ProfileNode
 * @typedef {{ startTime?: number, cpuProfile?: { nodes?: ProfileNode[], samples?: number[] }, timeDeltas?: number[] }} TraceData
 * @typedef {{ name: string, ph: string, pid: number, tid: number, ts: number, dur?: number, id?: string,
 *   args?: { data?: TraceData } }} TraceEvent
 * @typedef {{ startUs: number, ms: number, scriptMs: number, pid: number, tid: number }} LongTask
 */

/**
 * Tasks of at least `thresholdMs` on any sampled thread, with the time the script at
 * `urlPrefix` was on the stack during each (`scriptMs`, from sample weights). Only tasks where
 * that script ran at all are returned.
 * @param {TraceEvent[]} events
 * @param {string} urlPrefix  e.g. "chrome-extension://ID/content-scripts/"
 * @param {{ thresholdMs?: number }} [options]
 * @returns {LongTask[]}
 */
export function longTasksOf(events, urlPrefix, { thresholdMs = 50 } = {}) {
  const samples = scriptSamples(events, urlPrefix);
  /** @type {LongTask[]} */
  const out = [];
  for (const e of events) {
    if (e.name !== TASK || e.ph !== 'X' || !((e.dur ?? 0) >= thresholdMs * 1000)) continue;
    const list = samples.get(`${e.pid}/${e.tid}`);
    if (!list) continue;
    const end = e.ts + (e.dur ?? 0);
    let us = 0;
    // Samples are in time order: binary search for the first inside the task.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid]?.t ?? 0) < e.ts) lo = mid + 1;
      else hi = mid;
    }
    // A sample stands for the interval before it, but never for time before the task began
    // nor for more than MAX_WEIGHT_US (a sample after an idle gap does not own the gap).
    for (let i = lo; i < list.length && (list[i]?.t ?? Infinity) <= end; i++) {
      const s = /** @type {{ t: number, weight: number }} */ (list[i]);
      us += Math.min(s.weight, s.t - e.ts, MAX_WEIGHT_US);
    }
    if (us > 0) out.push({ startUs: e.ts, ms: (e.dur ?? 0) / 1000, scriptMs: us / 1000, pid: e.pid, tid: e.tid });
  }
  return out;
}

/**
 * Per thread ("pid/tid"), the samples with a frame of the script on the stack: their time and
 * weight (the interval since the previous sample, in microseconds), in time order.
 * @param {TraceEvent[]} events
 * @param {string} urlPrefix
 * @returns {Map<string, { t: number, weight: number }[]>}
 */
function scriptSamples(events, urlPrefix) {
  /** @type {Map<string, { pid: number, tid: number, start: number, chunks: TraceEvent[] }>} */
  const profiles = new Map();
  for (const e of events) {
    if ((e.name !== 'Profile' && e.name !== 'ProfileChunk') || e.id === undefined) continue;
    const key = `${e.pid}/${e.id}`;
    const p = profiles.get(key) ?? { pid: e.pid, tid: e.tid, start: 0, chunks: [] };
    profiles.set(key, p);
    if (e.name === 'ProfileChunk') {
      p.chunks.push(e);
      continue;
    }
    p.start = e.args?.data?.startTime ?? e.ts;
    p.tid = e.tid;
  }
  /** @type {Map<string, { t: number, weight: number }[]>} */
  const out = new Map();
  for (const p of profiles.values()) {
    /** @type {Map<number, { parent?: number, url: string }>} */
    const nodes = new Map();
    for (const c of p.chunks) {
      for (const n of c.args?.data?.cpuProfile?.nodes ?? []) nodes.set(n.id, { parent: n.parent, url: n.callFrame?.url ?? '' });
    }
    /** @type {Map<number, boolean>} */
    const ours = new Map();
    /** @param {number} id @returns {boolean} */
    const isOurs = (id) => {
      const known = ours.get(id);
      if (known !== undefined) return known;
      // Iterative climb (stacks can be deep), memoising the whole path.
      const path = [];
      let cur = /** @type {number | undefined} */ (id);
      let found = false;
      while (cur !== undefined) {
        const memo = ours.get(cur);
        if (memo !== undefined) {
          found = memo;
          break;
        }
        path.push(cur);
        const n = nodes.get(cur);
        if (!n) break;
        if (n.url.startsWith(urlPrefix)) {
          found = true;
          break;
        }
        cur = n.parent;
      }
      for (const x of path) ours.set(x, found);
      return found;
    };
    const list = out.get(`${p.pid}/${p.tid}`) ?? [];
    let t = p.start;
    for (const c of p.chunks) {
      const ids = c.args?.data?.cpuProfile?.samples ?? [];
      const deltas = c.args?.data?.timeDeltas ?? [];
      for (let i = 0; i < ids.length; i++) {
        const d = deltas[i] ?? 0;
        t += d;
        if (isOurs(ids[i])) list.push({ t, weight: d });
      }
    }
    list.sort((a, b) => a.t - b.t);
    out.set(`${p.pid}/${p.tid}`, list);
  }
  return out;
}
