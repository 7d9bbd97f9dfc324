import { beforeEach, describe, expect, test } from 'vitest';
import { buildMatcher, findMentions, findMentionsSliced } from '../../../lib/terms';

const matcher = buildMatcher([
  { noteId: 'sheinbaum', title: 'Claudia Sheinbaum', aliases: ['Sheinbaum'] },
  { noteId: 'leavitt', title: 'Karoline Leavitt', aliases: ['Leavitt'] },
]);

beforeEach(() => {
  document.body.innerHTML = '';
});

/** A clock that advances 1 ms per reading, and a yield that records when it was called. */
function fakeTime() {
  let t = 0;
  const yields: number[] = [];
  return {
    now: () => t++,
    yields,
    yield: async () => {
      yields.push(t);
    },
  };
}

describe('findMentionsSliced', () => {
  test('finds what findMentions finds, yielding between slices', async () => {
    document.body.innerHTML = `<div id="d">${'<p>Claudia <em>Sheinbaum</em> and Leavitt.</p>'.repeat(300)}</div>`;
    const root = document.getElementById('d')!;
    const time = fakeTime();
    const sliced = await findMentionsSliced([root], matcher, { sliceMs: 8, yield: time.yield, now: time.now });
    const sync = findMentions([root], matcher);
    expect(sliced.map((m) => [m.noteId, m.range.toString()])).toEqual(sync.map((m) => [m.noteId, m.range.toString()]));
    expect(sliced).toHaveLength(600);
    expect(time.yields.length).toBeGreaterThan(10);
  });

  test('stops when the signal aborts, with its reason', async () => {
    document.body.innerHTML = `<div id="d">${'<p>Sheinbaum</p>'.repeat(200)}</div>`;
    const controller = new AbortController();
    let yields = 0;
    const run = findMentionsSliced([document.getElementById('d')!], matcher, {
      signal: controller.signal,
      sliceMs: 0,
      yield: async () => {
        if (++yields === 3) controller.abort(new Error('navigated away'));
      },
    });
    await expect(run).rejects.toThrow('navigated away');
    expect(yields).toBe(3);
    const aborted = AbortSignal.abort();
    await expect(findMentionsSliced([document.body], matcher, { signal: aborted, yield: async () => {} })).rejects.toBeDefined();
  });

  test('pauses even where there is no text at all (huge empty DOMs)', async () => {
    document.body.innerHTML = `<div id="d">${'<span></span>'.repeat(5000)}<p>Leavitt</p></div>`;
    const time = fakeTime();
    const ms = await findMentionsSliced([document.getElementById('d')!], matcher, { sliceMs: 1, yield: time.yield, now: time.now });
    expect(ms.map((m) => m.noteId)).toEqual(['leavitt']);
    expect(time.yields.length).toBeGreaterThanOrEqual(5000 / 512 - 1);
  });

  test('the node budget bounds the work', async () => {
    document.body.innerHTML = `<div id="d">${'<p>Leavitt</p>'.repeat(50)}</div>`;
    const ms = await findMentionsSliced([document.getElementById('d')!], matcher, { maxTextNodes: 10, yield: async () => {} });
    expect(ms).toHaveLength(10);
  });
});
