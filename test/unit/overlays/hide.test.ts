import { describe, expect, test } from 'vitest';
import { StyleLedger } from '../../../lib/overlays/hide';
import { Budget, FightBudget, REACT_MS } from '../../../lib/overlays/budget';
import { coverage, isDimColor, parseRgba } from '../../../lib/overlays/geometry';
import { collectBatch, topRoots } from '../../../lib/overlays/batch';

function el(style?: string): HTMLElement {
  const d = document.createElement('div');
  if (style !== undefined) d.setAttribute('style', style);
  document.body.append(d);
  return d;
}

describe('StyleLedger', () => {
  test.each([undefined, '', 'color:red', 'display: flex;  color : red', 'display:block !important'])('roundtrip of style=%j', (style) => {
    const d = el(style);
    const before = d.getAttribute('style');
    const ledger = new StyleLedger();
    ledger.set(d, 'display', 'none');
    expect(d.style.getPropertyValue('display')).toBe('none');
    expect(d.style.getPropertyPriority('display')).toBe('important');
    expect(ledger.isApplied(d, 'display')).toBe(true);
    ledger.set(d, 'overflow-y', 'auto');
    ledger.restoreAll();
    expect(d.getAttribute('style')).toBe(before);
  });

  test('keeps page changes made after hiding and reverts only our property', () => {
    const d = el('display:grid');
    const ledger = new StyleLedger();
    ledger.set(d, 'display', 'none');
    d.style.setProperty('color', 'blue');
    ledger.restoreAll();
    expect(d.style.getPropertyValue('display')).toBe('grid');
    expect(d.style.getPropertyValue('color')).toBe('blue');
  });

  test('does not overwrite a value the page set over ours', () => {
    const d = el();
    const ledger = new StyleLedger();
    ledger.set(d, 'display', 'none');
    d.style.setProperty('display', 'block');
    expect(ledger.isApplied(d, 'display')).toBe(false);
    ledger.restoreAll();
    expect(d.style.getPropertyValue('display')).toBe('block');
  });
});

describe('Budget', () => {
  test('caps per window and per lifetime', () => {
    const b = new Budget<object>(3, 1000, 5);
    const k = {};
    expect([0, 1, 2, 3].map((t) => b.take(k, t))).toEqual([true, true, true, false]);
    expect(b.take(k, 1500)).toBe(true);
    expect(b.take(k, 1600)).toBe(true);
    expect(b.exhausted(k)).toBe(true);
    expect(b.take(k, 5000)).toBe(false);
    expect(b.take({}, 5000)).toBe(true);
  });
});

describe('FightBudget', () => {
  test('a page that undoes our write at once gets the strict budget: 3 a second, 10 in all', () => {
    const b = new FightBudget<object>();
    const k = {};
    let t = 0;
    let granted = 0;
    for (let i = 0; i < 100; i++, t += 100) {
      b.wroteAt(k, t);
      if (b.take(k, t + 1)) granted++;
    }
    expect(granted).toBe(10);
    expect(b.exhausted(k)).toBe(true);
  });

  test('a page that re-shows on its own timer is answered more often, but still a bounded number of times', () => {
    const b = new FightBudget<object>();
    const k = {};
    let granted = 0;
    for (let t = 0; t < 100_000; t += 500) {
      if (b.take(k, t)) {
        granted++;
        b.wroteAt(k, t);
      }
    }
    expect(granted).toBe(60);
  });

  test('once the page reacted within REACT_MS, later slow fights count as strict too', () => {
    const b = new FightBudget<object>();
    const k = {};
    b.wroteAt(k, 0);
    expect(b.take(k, REACT_MS)).toBe(true);
    let granted = 1;
    for (let t = 1000; t < 60_000; t += 1000) if (b.take(k, t)) granted++;
    expect(granted).toBe(10);
  });
});

describe('geometry helpers', () => {
  test('parseRgba', () => {
    expect(parseRgba('rgba(0, 0, 0, 0.6)')).toEqual([0, 0, 0, 0.6]);
    expect(parseRgba('rgb(10 20 30 / 50%)')).toEqual([10, 20, 30, 0.5]);
    expect(parseRgba('transparent')).toBeNull();
  });

  test('isDimColor: dark and semi-transparent only', () => {
    const s = (backgroundColor: string, opacity = '1') => ({ backgroundColor, opacity }) as CSSStyleDeclaration;
    expect(isDimColor(s('rgba(0, 0, 0, 0.5)'))).toBe(true);
    expect(isDimColor(s('rgb(0, 0, 0)', '0.6'))).toBe(true);
    expect(isDimColor(s('rgba(255, 255, 255, 0.8)'))).toBe(false); // a white fade: never touched
    expect(isDimColor(s('rgba(0, 0, 0, 0)'))).toBe(false);
  });

  test('coverage clips to the viewport', () => {
    const r = { left: -100, top: 0, right: 400, bottom: 300 } as DOMRectReadOnly;
    expect(coverage(r, { width: 800, height: 600 })).toBeCloseTo(0.25);
  });
});

describe('batch', () => {
  test('sorts records and keeps only top-level roots', () => {
    const parent = el();
    const child = document.createElement('span');
    parent.append(child);
    const hidden = el();
    const recs = [
      { type: 'childList', target: document.body, addedNodes: [parent], removedNodes: [] },
      { type: 'childList', target: parent, addedNodes: [child, document.createTextNode('x')], removedNodes: [] },
      { type: 'attributes', target: document.body, attributeName: 'class', addedNodes: [], removedNodes: [] },
      { type: 'attributes', target: hidden, attributeName: 'style', addedNodes: [], removedNodes: [] },
    ] as unknown as MutationRecord[];
    const work = collectBatch(recs, document, (e) => e === hidden);
    expect(work.lockCheck).toBe(true);
    expect(work.rootClassChanged).toBe(true);
    expect([...work.touchedHidden]).toEqual([hidden]);
    expect(topRoots(work.roots, () => false)).toEqual([parent]);
  });
});
