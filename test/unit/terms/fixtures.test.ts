/**
 * Realistic fixtures: the starter notes over the seed article (English, EL PAÍS USA) and a
 * Spanish version of the same news, in the DOM the way news sites mark it up.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { buildMatcher, countMentions, findMentions, type DictEntry, type Mention } from '../../../lib/terms';

const starter = JSON.parse(readFileSync('seeds/notes/starter.json', 'utf8')) as { notes: { title: string; aliases: string[] }[] };
const ids = ['narco', 'sheinbaum', 'leavitt', 'miller', 'wh', 'sinaloa', 'chapitos', 'aq'];
const DICT: DictEntry[] = starter.notes.map((n, i) => ({ noteId: ids[i] ?? `n${i}`, title: n.title, aliases: n.aliases }));
// Spanish names of the same notes, as a reader would add them.
DICT[0]!.aliases = [...DICT[0]!.aliases, 'narco-terrorismo', 'narcoterrorista'];
DICT[4]!.aliases = ['Casa Blanca'];
DICT[5]!.aliases = ['Cártel de Sinaloa'];
DICT.push({ noteId: 'trump', title: 'Donald Trump', aliases: ['Trump'] });
const matcher = buildMatcher(DICT);

const texts = (ms: Mention[]) => ms.map((m) => `${m.noteId}:${m.range.toString()}`);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('English: the seed article', () => {
  test('every mention in headline and body, with inline links and curly apostrophes', () => {
    const html = readFileSync('seeds/index.html', 'utf8');
    document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>|<link[^>]*>/g, '');
    const roots = [document.querySelector("h1"), document.querySelector("article")].filter((e) => e !== null);
    const ms = findMentions(roots, matcher);
    const found = texts(ms);
    // The headline, the standfirst and the first paragraphs, in order.
    expect(found.slice(0, 8)).toEqual([
      'wh:White House',
      'leavitt:Karoline Leavitt',
      'miller:Stephen Miller',
      'sheinbaum:Sheinbaum',
      'wh:White House',
      'trump:Donald Trump',
      'leavitt:Karoline Leavitt',
      'wh:White House',
    ]);
    expect(found).toContain('narco:narco-terrorism');
    expect(found).toContain('aq:Al-Qaeda');
    expect(found).toContain('sheinbaum:Claudia Sheinbaum');
    // "Trump’s" highlights "Trump", never the possessive.
    expect(found.filter((t) => t.startsWith('trump:')).every((t) => t === 'trump:Trump' || t === 'trump:Donald Trump')).toBe(true);
    // "narco-government" and "narco-boats" are not narco-terrorism.
    expect(found.some((t) => /government|boats/.test(t))).toBe(false);
    const counts = Object.fromEntries(countMentions(ms).map((c) => [c.noteId, c.count]));
    expect(counts.wh).toBeGreaterThanOrEqual(5);
  });
});

describe('Spanish', () => {
  test('diacritics, plurals, Spanish typography and inline markup', () => {
    document.body.innerHTML =
      '<article id="a"><h1>La <a href="/t">Casa Blanca</a> insiste en intervenir en México</h1>' +
      '<p>La secretaria de prensa, Karoline Leavitt, y el asesor Stephen <em>Miller</em> presionan al Gobierno de ' +
      '<strong>Claudia Sheinbaum</strong>: «Es una promesa del presidente», dijo Leavitt.</p>' +
      '<p>Miller comparó la campaña contra el <i>narcoterrorismo</i> —así lo llaman en Washington— con la ofensiva ' +
      'contra Al Qaeda; Trump habló de los cárteles y del Cártel de Sinaloa, y de Los\u00A0Chapitos.</p>' +
      '<p>NARCOTERRORISMO, narco-terrorismo y narco terrorismo: la misma palabra. Millerton no es Miller.</p></article>';
    const ms = findMentions([document.getElementById('a')!], matcher);
    expect(texts(ms)).toEqual([
      'wh:Casa Blanca',
      'leavitt:Karoline Leavitt',
      'miller:Stephen Miller',
      'sheinbaum:Claudia Sheinbaum',
      'leavitt:Leavitt',
      'miller:Miller',
      'narco:narcoterrorismo',
      'aq:Al Qaeda',
      'trump:Trump',
      'sinaloa:Cártel de Sinaloa',
      'chapitos:Los\u00A0Chapitos',
      'narco:NARCOTERRORISMO',
      'narco:narco-terrorismo',
      'narco:narco terrorismo',
      'miller:Miller',
    ]);
  });

  test('accents are optional both ways: "Nicolas Maduro" finds "Nicolás Maduro" and back', () => {
    const m = buildMatcher([
      { noteId: 'maduro', title: 'Nicolas Maduro', aliases: [] },
      { noteId: 'pena', title: 'Peña Nieto', aliases: [] },
    ]);
    document.body.innerHTML = '<p id="p">Nicolás Maduro, NICOLÁS MADURO, Nicola\u0301s Maduro, Pena Nieto y Peña Nieto.</p>';
    expect(texts(findMentions([document.getElementById('p')!], m))).toEqual([
      'maduro:Nicolás Maduro',
      'maduro:NICOLÁS MADURO',
      'maduro:Nicola\u0301s Maduro',
      'pena:Pena Nieto',
      'pena:Peña Nieto',
    ]);
  });
});
