/** text.ts's folding: the ASCII fast path must answer exactly what the Unicode patterns answer. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { classWeight, collapse, fold, isUnlikelyName, namesOf, wordsOf } from '../../../lib/article/text';

/** The Unicode definitions, applied to every string (the reference). */
const foldRef = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
const wordsRef = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

describe('fold and wordsOf', () => {
  test('on ASCII text, the same answers as the Unicode patterns', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 60 });
    fc.assert(
      fc.property(ascii, (s) => {
        expect(fold(s)).toBe(foldRef(s));
        expect(wordsOf(s)).toEqual(wordsRef(s));
      }),
      { numRuns: 2000 },
    );
  });

  test('on any text, the Unicode answers: accents folded, letters of every script kept', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        expect(fold(s)).toBe(foldRef(s));
        expect(wordsOf(s)).toEqual(wordsRef(s));
      }),
      { numRuns: 1000 },
    );
    expect(fold('EL PAÍS')).toBe('elpais');
    expect(fold('Le Monde — Éditorial')).toBe('lemondeeditorial');
    expect(wordsOf('Sheinbaum’s “plan”, 2026')).toEqual(['Sheinbaum', 's', 'plan', '2026']);
    expect(wordsOf('مرحبا بالعالم 123')).toEqual(['مرحبا', 'بالعالم', '123']);
    expect(fold('Tokyo 東京')).toBe('tokyo東京');
  });
});

describe('collapse', () => {
  test('the same answer as replacing every run of whitespace with one space', () => {
    // Whitespace of every kind (tabs, line breaks, no-break and ideographic spaces, BOM) among letters.
    const unit = fc.constantFrom(' ', ' ', '\n', '\t', '\r', '\f', '\v', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', 'a', 'é', '字');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (s) => {
        expect(collapse(s)).toBe(s.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 3000 },
    );
    expect(collapse('\n    The  quick\u00a0fox\n  ')).toBe('The quick fox');
  });
});

describe('class and id names', () => {
  const el = (cls: string, id = '') => {
    const e = document.createElement('div');
    e.className = cls;
    if (id) e.id = id;
    return e;
  };

  test('are read whatever their case', () => {
    expect(isUnlikelyName(namesOf(el('Site-Sidebar')))).toBe(true);
    expect(isUnlikelyName(namesOf(el('', 'MostViewed')))).toBe(true);
    expect(isUnlikelyName(namesOf(el('Sidebar MainContent')))).toBe(false); // says content too
    expect(classWeight(el('StoryBody'))).toBe(25);
    expect(classWeight(el('PROMO-box', 'Article'))).toBe(0);
    expect(classWeight(el('Footer'))).toBe(-25);
  });
});
