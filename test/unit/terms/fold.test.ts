import { describe, expect, test } from 'vitest';
import { foldText, isWordCharAt, isWordCharBefore } from '../../../lib/terms/fold';

/** The original slice each folded unit came from. */
function sources(text: string): string[] {
  const f = foldText(text);
  return Array.from({ length: f.lower.length }, (_, i) => text.slice(f.start[i], f.end[i]));
}

describe('foldText', () => {
  test('case folding is Unicode toLowerCase, case kept in `cased`', () => {
    const f = foldText('Claudia SHEINBAUM');
    expect(f.lower).toBe('claudia sheinbaum');
    expect(f.cased).toBe('Claudia SHEINBAUM');
  });

  test('drops diacritics, precomposed and decomposed, keeping exact offsets', () => {
    const pre = foldText('Nicolás Maduro');
    expect(pre.lower).toBe('nicolas maduro');
    expect(pre.start.slice(0, 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(pre.end[5]).toBe(6);

    const dec = 'Nicola\u0301s Maduro';
    const f = foldText(dec);
    expect(f.lower).toBe('nicolas maduro');
    // The combining acute belongs to the "a": its span covers both code units.
    expect(f.start[5]).toBe(5);
    expect(f.end[5]).toBe(7);
    expect(f.start[6]).toBe(7);
    expect(sources(dec)[5]).toBe('a\u0301');
    expect(foldText('Peña Nieto, Ciudad de México, Bogotá, São Paulo, Zürich').lower).toBe(
      'pena nieto, ciudad de mexico, bogota, sao paulo, zurich',
    );
  });

  test('typographic variants', () => {
    expect(foldText('Sheinbaum’s ‘quote’ “double”').lower).toBe(`sheinbaum's 'quote' "double"`);
    expect(foldText('narco\u2010terrorism narco\u2011terrorism a–b a—b a\u2212b').lower).toBe(
      'narco-terrorism narco-terrorism a-b a-b a-b',
    );
    expect(foldText('White\u00A0House\u2009x\u202Fy\u3000z\tw\nv').lower).toBe('white house x y z w v');
  });

  test('removes soft hyphens and zero-width characters, mapping around them', () => {
    const text = 'narco\u00ADterro\u200Bri\u200Csm\u200D\uFEFF';
    const f = foldText(text);
    expect(f.lower).toBe('narcoterrorism');
    expect(f.start[5]).toBe(6); // the "t" after the soft hyphen
    expect(f.end[13]).toBe(text.length - 2); // the final "m": invisible chars after it are not part of it
  });

  test('a combining mark after an invisible character does not attach across it', () => {
    const f = foldText('a\u200B\u0301b');
    expect(f.lower).toBe('ab');
    expect(f.end[0]).toBe(1);
    expect(f.start[1]).toBe(3);
  });

  test('compatibility forms (ligatures, fullwidth) expand, all units mapping to the source code point', () => {
    const f = foldText('ﬁrst ＩＳＩＳ');
    expect(f.lower).toBe('first isis');
    expect(f.cased).toBe('first ISIS');
    expect(f.start.slice(0, 2)).toEqual([0, 0]);
    expect(f.end.slice(0, 2)).toEqual([1, 1]);
  });

  test('lower and cased stay aligned (İ, astral letters, emoji)', () => {
    for (const s of ['İstanbul', 'ΣΊΣΥΦΟΣ', '𐐀𐐁 x', 'a 😀 b', 'Straße', 'ǅemal']) {
      const f = foldText(s);
      expect(f.lower.length).toBe(f.cased.length);
      expect(f.start.length).toBe(f.lower.length);
      expect(f.end.length).toBe(f.lower.length);
    }
    expect(foldText('İstanbul').lower).toBe('istanbul');
    const emoji = foldText('a 😀 b');
    expect(emoji.lower).toBe('a 😀 b');
    expect(emoji.start.slice(2, 4)).toEqual([2, 2]);
    expect(emoji.end.slice(2, 4)).toEqual([4, 4]);
  });

  test('maps are monotonic and within the text', () => {
    const text = 'Los Chapitos’ “jefe” — Nicola\u0301s\u00AD Maduro ﬁ 😀';
    const f = foldText(text);
    for (let i = 0; i < f.lower.length; i++) {
      expect(f.start[i]).toBeLessThan(f.end[i] ?? 0);
      expect(f.end[i]).toBeLessThanOrEqual(text.length);
      if (i > 0) expect(f.start[i]).toBeGreaterThanOrEqual(f.start[i - 1] ?? 0);
    }
  });

  test('empty text', () => {
    expect(foldText('')).toEqual({ lower: '', cased: '', start: [], end: [] });
  });
});

describe('word characters', () => {
  test('letters and numbers in any script, astral included', () => {
    expect(isWordCharAt('Millerton', 6)).toBe(true);
    expect(isWordCharAt('ñ', 0)).toBe(true);
    expect(isWordCharAt('東京', 1)).toBe(true);
    expect(isWordCharAt('7', 0)).toBe(true);
    expect(isWordCharAt("'", 0)).toBe(false);
    expect(isWordCharAt('a', 1)).toBe(false);
    expect(isWordCharBefore('𐐨x', 2)).toBe(true);
    expect(isWordCharBefore('😀x', 2)).toBe(false);
    expect(isWordCharBefore('x', 0)).toBe(false);
  });
});
