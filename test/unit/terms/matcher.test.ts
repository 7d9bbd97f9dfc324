import { describe, expect, test } from 'vitest';
import { buildMatcher, type DictEntry } from '../../../lib/terms';

const DICT: DictEntry[] = [
  { noteId: 'leavitt', title: 'Karoline Leavitt', aliases: ['Leavitt'] },
  { noteId: 'miller', title: 'Stephen Miller', aliases: ['Miller'] },
  { noteId: 'sheinbaum', title: 'Claudia Sheinbaum', aliases: ['Sheinbaum'] },
  { noteId: 'wh', title: 'White House', aliases: ['Casa Blanca'] },
  { noteId: 'narco', title: 'narco-terrorism', aliases: ['narcoterrorismo'] },
  { noteId: 'sinaloa', title: 'Sinaloa Cartel', aliases: ['Cártel de Sinaloa', 'cartel'] },
  { noteId: 'sinaloa-state', title: 'Sinaloa', aliases: [] },
  { noteId: 'chapitos', title: 'Los Chapitos', aliases: [] },
  { noteId: 'aq', title: 'Al-Qaeda', aliases: ['Al Qaida'] },
  { noteId: 'isis', title: 'ISIS', aliases: ['Estado Islámico'] },
  { noteId: 'maduro', title: 'Nicolás Maduro', aliases: [] },
];

const matcher = buildMatcher(DICT);

/** [matched original text, noteId] pairs. */
function found(text: string, m = matcher): [string, string][] {
  return m.match(text).map((x) => [text.slice(x.start, x.end), x.noteId]);
}

describe('buildMatcher: folding', () => {
  test('case-insensitive for ordinary names', () => {
    expect(found('KAROLINE LEAVITT and karoline leavitt')).toEqual([
      ['KAROLINE LEAVITT', 'leavitt'],
      ['karoline leavitt', 'leavitt'],
    ]);
  });

  test('diacritics both ways (EN/ES)', () => {
    expect(found('Nicolas Maduro met Nicolás Maduro and Nicola\u0301s Maduro.')).toEqual([
      ['Nicolas Maduro', 'maduro'],
      ['Nicolás Maduro', 'maduro'],
      ['Nicola\u0301s Maduro', 'maduro'],
    ]);
    expect(found('El Cartel de Sinaloa y el Estado Islamico')).toEqual([
      ['Cartel de Sinaloa', 'sinaloa'],
      ['Estado Islamico', 'isis'],
    ]);
  });

  test('typographic variants and invisible characters', () => {
    expect(found('the White\u00A0House said; narco\u2011terrorism; Al–Qaeda; Shein\u00ADbaum; Mil\u200Bler')).toEqual([
      ['White\u00A0House', 'wh'],
      ['narco\u2011terrorism', 'narco'],
      ['Al–Qaeda', 'aq'],
      ['Shein\u00ADbaum', 'sheinbaum'],
      ['Mil\u200Bler', 'miller'],
    ]);
  });
});

describe('buildMatcher: rules', () => {
  test('acronyms are case-sensitive', () => {
    expect(found('ISIS, not Isis the goddess, nor isis')).toEqual([['ISIS', 'isis']]);
    const who = buildMatcher([{ noteId: 'who', title: 'World Health Organization', aliases: ['WHO', 'FTO'] }]);
    expect(found('Who said the WHO and FTOs matter? who knows, fto', who)).toEqual([
      ['WHO', 'who'],
      ['FTOs', 'who'],
    ]);
  });

  test('hyphen, space and joined variants', () => {
    expect(found('narco-terrorism, narco terrorism, narcoterrorism, narco  terrorism, narco\nterrorism')).toEqual([
      ['narco-terrorism', 'narco'],
      ['narco terrorism', 'narco'],
      ['narcoterrorism', 'narco'],
      ['narco  terrorism', 'narco'],
      ['narco\nterrorism', 'narco'],
    ]);
    expect(found('Al-Qaeda, Al Qaeda, AlQaeda, al-Qaida')).toEqual([
      ['Al-Qaeda', 'aq'],
      ['Al Qaeda', 'aq'],
      ['AlQaeda', 'aq'],
      ['al-Qaida', 'aq'],
    ]);
    // A separator is one hyphen or spaces, not both.
    expect(found('narco - terrorism, narco--terrorism')).toEqual([]);
  });

  test('whole words only, in any script', () => {
    expect(found('Millerton, Millers, Miller.')).toEqual([
      ['Millers', 'miller'],
      ['Miller', 'miller'],
    ]);
    expect(found('ElSheinbaum, Sheinbaumismo, 2Sheinbaum, Sheinbaum2, ñSheinbaum')).toEqual([]);
    expect(found('(Sheinbaum) «Sheinbaum» -Sheinbaum- "Sheinbaum"')).toHaveLength(4);
  });

  test('plural and possessive endings (possessive excluded from the range)', () => {
    expect(found("the cartels, Sheinbaum's plan, Sheinbaum’s plan, the cartels' money, Los Chapitos' leader")).toEqual([
      ['cartels', 'sinaloa'],
      ['Sheinbaum', 'sheinbaum'],
      ['Sheinbaum', 'sheinbaum'],
      ['cartels', 'sinaloa'],
      ['Los Chapitos', 'chapitos'],
    ]);
    expect(found('los cárteles de Sinaloa')).toEqual([
      ['cárteles', 'sinaloa'],
      ['Sinaloa', 'sinaloa-state'],
    ]);
    expect(found('cartelsx, cartelesa, Sheinbaumes2')).toEqual([]);
    // An apostrophe is not a letter, so it ends a word even when the possessive does not apply.
    expect(found("Miller'sville")).toEqual([['Miller', 'miller']]);
  });

  test('longest match wins, no overlaps', () => {
    expect(found('the Sinaloa Cartel and Sinaloa state')).toEqual([
      ['Sinaloa Cartel', 'sinaloa'],
      ['Sinaloa', 'sinaloa-state'],
    ]);
    expect(found('Claudia Sheinbaum, then Sheinbaum; Stephen Miller and Karoline Leavitt')).toEqual([
      ['Claudia Sheinbaum', 'sheinbaum'],
      ['Sheinbaum', 'sheinbaum'],
      ['Stephen Miller', 'miller'],
      ['Karoline Leavitt', 'leavitt'],
    ]);
  });

  test('longest-first is global: a longer match later beats a shorter overlapping one', () => {
    const m = buildMatcher([
      { noteId: 'a', title: 'Stephen Miller', aliases: [] },
      { noteId: 'b', title: 'Miller Center Foundation', aliases: [] },
    ]);
    expect(found('Stephen Miller Center Foundation', m)).toEqual([['Miller Center Foundation', 'b']]);
  });

  test('equal length overlaps: earliest start wins', () => {
    const m = buildMatcher([
      { noteId: 'b', title: 'Miller Sinaloa', aliases: [] },
      { noteId: 'a', title: 'Stephen Miller', aliases: [] },
    ]);
    expect(found('Stephen Miller Sinaloa', m)).toEqual([['Stephen Miller', 'a']]);
  });

  test('duplicates across notes: first note wins', () => {
    const m = buildMatcher([
      { noteId: 'first', title: 'Sheinbaum', aliases: [] },
      { noteId: 'second', title: 'Claudia', aliases: ['SHEINBAUM', 'sheinbaum'] },
    ]);
    expect(found('Sheinbaum', m)).toEqual([['Sheinbaum', 'first']]);
    const m2 = buildMatcher([
      { noteId: 'x', title: 'Al Qaeda', aliases: [] },
      { noteId: 'y', title: 'Al-Qaeda', aliases: [] },
    ]);
    expect(found('Al-Qaeda', m2)).toEqual([['Al-Qaeda', 'x']]);
  });

  test('bad aliases are ignored, metacharacters are literal', () => {
    const m = buildMatcher([
      { noteId: 'bad', title: '', aliases: ['   ', '...', '-', 'a', 'X', '—', '\u00AD', '()'] },
      { noteId: 'meta', title: 'C++ (lang)', aliases: ['a.b', '[x]*y', '$^'] },
    ]);
    expect(found('a X - ... C++ (lang) axb a.b [x]*y [x]y', m)).toEqual([
      ['C++ (lang)', 'meta'],
      ['a.b', 'meta'],
      ['[x]*y', 'meta'],
    ]);
    expect(buildMatcher([]).match('anything')).toEqual([]);
    expect(matcher.match('')).toEqual([]);
  });

  test('offsets are in the original text', () => {
    const text = 'Ayer, “Nicola\u0301s\u00A0Maduro” y Shein\u00ADbaum’s gente';
    const ms = matcher.match(text);
    expect(ms.map((m) => [m.start, m.end])).toEqual([
      [text.indexOf('N'), text.indexOf('”')],
      [text.indexOf('Shein'), text.indexOf('’')],
    ]);
  });
});
