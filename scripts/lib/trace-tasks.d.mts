// Generated from the JSDoc in the .mjs file by `node scripts/lib/gen-types.mjs`. Do not edit:
// change the JSDoc and re-run it (test/e2e/harness.test.ts fails when this file is stale).
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
export function longTasksOf(events: TraceEvent[], urlPrefix: string, { thresholdMs }?: {
    thresholdMs?: number;
}): LongTask[];
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
export const TRACE_CATEGORIES: string[];
export type ProfileNode = {
    id: number;
    parent?: number;
    callFrame?: {
        url?: string;
        functionName?: string;
    };
};
export type TraceData = {
    startTime?: number;
    cpuProfile?: {
        nodes?: ProfileNode[];
        samples?: number[];
    };
    timeDeltas?: number[];
};
export type TraceEvent = {
    name: string;
    ph: string;
    pid: number;
    tid: number;
    ts: number;
    dur?: number;
    id?: string;
    args?: {
        data?: TraceData;
    };
};
export type LongTask = {
    startUs: number;
    ms: number;
    scriptMs: number;
    pid: number;
    tid: number;
};
