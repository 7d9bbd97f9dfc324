/** length.ts measures collapse(el.textContent).length without reading textContent: always the same number. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { smallLength, newLengths, textLength } from '../../../lib/article/length';
import { collapse } from '../../../lib/article/text';
import { parse } from './helpers';

// Whitespace of every kind \s knows (and trim() removes), letters, and markup-free punctuation.
const unit = fc.constantFrom(' ', ' ', '\n', '\t', '\r', '\f', '\v', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', 'a', 'é', '字', '.');
const text = fc.string({ unit, maxLength: 12 });

/** A random tree of elements, text, comments and CDATA-free markup, as HTML. */
const tree: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((t) => t.replace(/[<&]/g, '')),
    fc.constant('<!-- a comment  with  gaps -->'),
    fc.tuple(fc.constantFrom('div', 'p', 'span', 'a', 'li', 'section', 'script', 'em'), tie('nodes')).map(([tag, inner]) => `<${tag}>${inner}</${tag}>`),
  ),
  nodes: fc.array(tie('node'), { maxLength: 4 }).map((parts) => parts.join('')),
})).nodes;

describe('textLength', () => {
  test('equals collapse(el.textContent).length on every element of random trees, in any order asked', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (html, innerFirst) => {
        const doc = parse(`<body><div id="root">${html}</div></body>`);
        const all = [...doc.body.getElementsByTagName('*')];
        const memo = newLengths();
        // Asked inner-first, the outer elements combine their children's measures; outer-first,
        // each is read whole. Links are measured alone, in the same memo.
        for (const el of innerFirst ? [...all].reverse() : all) {
          expect(textLength(el, memo)).toBe(collapse(el.textContent).length);
          if (el.localName === 'a') expect(smallLength(el, memo)).toBe(collapse(el.textContent).length);
        }
        // Asked again, in the other order, from the memo.
        for (const el of innerFirst ? all : [...all].reverse()) expect(textLength(el, memo)).toBe(collapse(el.textContent).length);
      }),
      { numRuns: 300 },
    );
  });

  test('pieces joined across elements share one space; ends are trimmed; whitespace alone is empty', () => {
    const doc = parse('<body><div id="a">  x <b> \n y</b>\t<i>  </i>  z  </div><div id="w"> \n <span>\t</span> </div></body>');
    const memo = newLengths();
    const a = doc.getElementById('a') as Element;
    expect(textLength(a.querySelector('b') as Element, memo)).toBe('y'.length);
    expect(textLength(a, memo)).toBe('x y z'.length);
    expect(textLength(doc.getElementById('w') as Element, memo)).toBe(0);
  });

  test('a very deep tree is measured without recursion, around a container measured deep inside', () => {
    const depth = 20_000;
    const doc = parse('<body></body>');
    let cur: Element = doc.body;
    for (let i = 0; i < depth; i++) cur = cur.appendChild(doc.createElement('div'));
    cur.textContent = 'deep  text';
    cur.parentElement?.append(' and  more');
    const memo = newLengths();
    expect(textLength(cur, memo)).toBe('deep text'.length);
    expect(textLength(doc.body, memo)).toBe('deep text and more'.length);
  });
});
