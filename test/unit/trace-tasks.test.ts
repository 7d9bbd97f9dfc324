/**
 * The sweep's attribution of long tasks (scripts/lib/trace-tasks.mjs) on a hand-made trace: two
 * tasks on a renderer's main thread, V8 samples with the content script's frames in some of
 * them, and a sample of the page's own script.
 */
import { describe, expect, test } from 'vitest';
import { longTasksOf, type TraceEvent } from '../../scripts/lib/trace-tasks.mjs';

const EXT = 'chrome-extension://abc/content-scripts/';
const PID = 10;
const TID = 11;

/** Node ids: 1 root, 2 (program), 3 Gloss's function, 4 a DOM call under it, 5 the page's script. */
const nodes = [
  { id: 1, callFrame: { functionName: '(root)', url: '' } },
  { id: 2, parent: 1, callFrame: { functionName: '(program)', url: '' } },
  { id: 3, parent: 1, callFrame: { functionName: 'scan', url: `${EXT}content.js` } },
  { id: 4, parent: 3, callFrame: { functionName: 'getBoundingClientRect', url: '' } },
  { id: 5, parent: 1, callFrame: { functionName: 'app', url: 'http://127.0.0.1/app.js' } },
];

function task(ts: number, durMs: number, tid = TID): TraceEvent {
  return { name: 'ThreadControllerImpl::RunTask', ph: 'X', pid: PID, tid, ts, dur: durMs * 1000 };
}

/** A profile starting at t=0 µs with one sample every `every` µs, of the given node ids. */
function profile(ids: number[], every = 500): TraceEvent[] {
  return [
    { name: 'Profile', ph: 'P', pid: PID, tid: TID, ts: 0, id: '0x1', args: { data: { startTime: 0 } } },
    // Nodes may come in an earlier chunk than the samples that use them.
    { name: 'ProfileChunk', ph: 'P', pid: PID, tid: TID, ts: 1, id: '0x1', args: { data: { cpuProfile: { nodes, samples: [] }, timeDeltas: [] } } },
    { name: 'ProfileChunk', ph: 'P', pid: PID, tid: TID, ts: 2, id: '0x1', args: { data: { cpuProfile: { samples: ids }, timeDeltas: ids.map(() => every) } } },
  ];
}

describe('longTasksOf', () => {
  // Samples at 500, 1000, ... µs. Task A: 0-80 ms, Gloss on the stack for its first 60 ms (half
  // of it in a DOM call it made). Task B: 100-160 ms, the page's own script.
  const ids = [
    ...Array.from({ length: 60 }, () => 3),
    ...Array.from({ length: 60 }, () => 4),
    ...Array.from({ length: 40 }, () => 2),
    ...Array.from({ length: 40 }, () => 2),
    ...Array.from({ length: 120 }, () => 5),
  ];
  const events = [...profile(ids), task(0, 80), task(100_000, 60), task(170_000, 5)];

  test("counts the content script's time in a long task, calls it made included", () => {
    const tasks = longTasksOf(events, EXT);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.ms).toBe(80);
    expect(tasks[0]?.scriptMs).toBeCloseTo(60, 0);
  });

  test("leaves out long tasks that are only the page's, and short ones unless asked", () => {
    expect(longTasksOf(events, EXT).some((t) => t.startUs === 100_000)).toBe(false);
    expect(longTasksOf(events, 'chrome-extension://other/')).toEqual([]);
    expect(longTasksOf([...events, task(300_000, 10)], EXT, { thresholdMs: 0 })).toHaveLength(1);
  });

  test('a sample after an idle gap does not own the gap, nor time before its task', () => {
    // One Gloss sample 30 ms after the profile starts, inside a task that began 1 ms before it.
    const gap = [
      { name: 'Profile', ph: 'P', pid: PID, tid: TID, ts: 0, id: '0x2', args: { data: { startTime: 0 } } },
      { name: 'ProfileChunk', ph: 'P', pid: PID, tid: TID, ts: 1, id: '0x2', args: { data: { cpuProfile: { nodes, samples: [3] }, timeDeltas: [30_000] } } },
      task(29_000, 60),
    ] satisfies TraceEvent[];
    expect(longTasksOf(gap, EXT)[0]?.scriptMs).toBeCloseTo(1, 5);
  });

  test('tasks on another thread are not matched with this thread\'s samples', () => {
    expect(longTasksOf([...profile(ids), task(0, 80, TID + 1)], EXT)).toEqual([]);
  });
});
