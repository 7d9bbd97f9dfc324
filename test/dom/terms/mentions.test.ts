/**
 * Mentions in a real browser: exact Ranges across inline markup, excluded regions, and a page
 * of 100,000 text nodes handled in short slices.
 */
import { afterEach, expect, test } from 'vitest';
import { buildMatcher, findMentions, findMentionsSliced } from '../../../lib/terms';

const matcher = buildMatcher([
  { noteId: 'sheinbaum', title: 'Claudia Sheinbaum', aliases: ['Sheinbaum'] },
  { noteId: 'narco', title: 'narco-terrorism', aliases: ['narcoterrorismo'] },
  { noteId: 'sinaloa', title: 'Sinaloa Cartel', aliases: ['Cártel de Sinaloa'] },
  { noteId: 'who', title: 'World Health Organization', aliases: ['WHO'] },
]);

afterEach(() => {
  document.body.innerHTML = '';
});

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

test('names split across <a>, <em>, <span> map to exact Ranges; excluded regions are never matched', () => {
  document.body.innerHTML =
    '<article id="a"><p>Claudia <a href="#"><em>Shein</em>baum</a> spoke of <span>narco</span>&shy;<span>terrorism</span> and ' +
    'the <b>Cártel</b> de <i>Sinaloa</i>; WHO and who.</p>' +
    '<p><textarea>Sheinbaum</textarea><input value="Sheinbaum"><span contenteditable="">Sheinbaum</span>' +
    '<script>"Sheinbaum"</script><style>.Sheinbaum{}</style></p></article>';
  const ms = findMentions([document.getElementById('a')!], matcher);
  expect(ms.map((m) => [m.noteId, m.range.toString()])).toEqual([
    ['sheinbaum', 'Claudia Sheinbaum'],
    ['narco', 'narco\u00ADterrorism'],
    ['sinaloa', 'Cártel de Sinaloa'],
    ['who', 'WHO'],
  ]);
  const em = document.querySelector('em')!;
  expect(ms[0]!.range.startContainer).toBe(document.querySelector('p')!.firstChild);
  expect(ms[0]!.range.endContainer).toBe(em.parentElement!.lastChild);
  // The painted boxes of a split name cover its text: one line, no gaps between the pieces.
  const rects = [...ms[0]!.range.getClientRects()].filter((r) => r.width > 0);
  expect(rects.length).toBeGreaterThanOrEqual(2);
});

test('a very long inline run is cut into segments at spaces without losing names', () => {
  document.body.innerHTML = `<div id="d">${'<span>Claudia Sheinbaum </span>'.repeat(5000)}</div>`;
  const ms = findMentions([document.getElementById('d')!], matcher);
  expect(ms).toHaveLength(5000);
  expect(ms.every((m) => m.range.toString() === 'Claudia Sheinbaum')).toBe(true);
});

test('100,000 text nodes: every slice stays short and the page keeps running in between', async () => {
  const root = document.createElement('div');
  const parts: string[] = [];
  for (let i = 0; i < 20_000; i++) parts.push('<p>a <b>b</b> c <i>Sheinbaum</i> d</p>');
  root.innerHTML = parts.join('');
  document.body.append(root);
  let texts = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) texts++;
  expect(texts).toBe(100_000);

  const slices: number[] = [];
  let sliceStart = performance.now();
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 0);
  const ms = await findMentionsSliced([root], matcher, {
    sliceMs: 8,
    yield: async () => {
      slices.push(performance.now() - sliceStart);
      await nextTask();
      sliceStart = performance.now();
    },
  });
  clearInterval(ticker);
  expect(ms).toHaveLength(20_000);
  expect(slices.length).toBeGreaterThan(3);
  expect(ticks).toBeGreaterThan(0);
  // Budget 8 ms; allow for a slow CI machine, but nothing like one long task.
  const sorted = [...slices].sort((a, b) => a - b);
  expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(30);
});
