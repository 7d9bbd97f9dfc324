import { describe, expect, test } from 'vitest';
import { aliasKey, aliasProblem, buildMatcher, findAliasConflicts, MAX_ALIAS_LENGTH } from '../../../lib/terms';
import { isAcronym, parseAlias } from '../../../lib/terms/rules';

describe('aliasProblem: what is rejected at save', () => {
  test.each([
    ['C++', 'errAliasTooShort'],
    ['😀😀', 'errAliasNoLetters'],
    ['', 'errAliasEmpty'],
    ['   ', 'errAliasEmpty'],
    ['\u00A0\t', 'errAliasEmpty'],
    ['x'.repeat(MAX_ALIAS_LENGTH + 1), 'errAliasLong'],
    ['a'.repeat(10_000), 'errAliasLong'],
    ['...', 'errAliasNoLetters'],
    ['—', 'errAliasNoLetters'],
    ['()', 'errAliasNoLetters'],
    ['\u00AD\u200B', 'errAliasNoLetters'],
    ['""', 'errAliasNoLetters'],
    ['X', 'errAliasTooShort'],
    ['a.', 'errAliasTooShort'],
    ['7', 'errAliasTooShort'],
    ['é', 'errAliasTooShort'],
  ])('%#: → %s', (alias, problem) => {
    expect(aliasProblem(alias)).toBe(problem);
  });

  test.each(['ICE', 'C++ (lang)', '[x]*y', 'a.b', 'G7', 'Nicolás Maduro', 'x'.repeat(MAX_ALIAS_LENGTH), '"Who"', '北京'].map((a) => [a]))(
    '%# is accepted',
    (alias) => expect(aliasProblem(alias)).toBeNull(),
  );

  test('non-strings are "empty", never a throw', () => {
    expect(aliasProblem(undefined)).toBe('errAliasEmpty');
    expect(aliasProblem(42)).toBe('errAliasEmpty');
    expect(aliasProblem(null)).toBe('errAliasEmpty');
  });

  test('the compiler ignores exactly what is rejected, and matches the rest literally', () => {
    const m = buildMatcher([{ noteId: 'n', title: 'x'.repeat(10_000), aliases: ['X', '...', 'C++', 'C++ (lang)', '[x]*y', '$^', 'a|b'] }]);
    const text = `C++ and C++ (lang) and [x]*y and axy and $^ and a|b and ab and X and ${'x'.repeat(10_000)}`;
    expect(m.match(text).map((x) => text.slice(x.start, x.end))).toEqual(['C++ (lang)', '[x]*y', 'a|b']);
  });
});

describe('case rules', () => {
  test('acronyms: an upper-case letter, no lower-case one, at most 6 letters', () => {
    expect(isAcronym('WHO')).toBe(true);
    expect(isAcronym('UNESCO')).toBe(true);
    expect(isAcronym('G7')).toBe(true);
    expect(isAcronym('ÉTA')).toBe(true);
    expect(isAcronym('ABCDEFG')).toBe(false);
    expect(isAcronym('Who')).toBe(false);
    expect(isAcronym('who')).toBe(false);
    expect(isAcronym('2024')).toBe(false);
  });

  test('double quotes make any alias case-sensitive, as written', () => {
    expect(parseAlias('"Apple"')).toEqual({ text: 'Apple', caseSensitive: true });
    expect(parseAlias('“Who”')).toEqual({ text: 'Who', caseSensitive: true });
    expect(parseAlias('Apple')).toEqual({ text: 'Apple', caseSensitive: false });
    const m = buildMatcher([{ noteId: 'apple', title: 'Apple Inc.', aliases: ['"Apple"'] }]);
    const text = 'Apple sold an apple; APPLE shares rose.';
    expect(m.match(text).map((x) => text.slice(x.start, x.end))).toEqual(['Apple']);
  });
});

describe('duplicates across notes', () => {
  const entries = [
    { noteId: 'aq', title: 'Al-Qaeda', aliases: ['AQ'] },
    { noteId: 'who', title: 'World Health Organization', aliases: ['WHO'] },
  ];

  test('aliasKey: same key when the matcher cannot tell them apart', () => {
    expect(aliasKey('Al Qaeda')).toBe(aliasKey('al-qaeda'));
    expect(aliasKey('Al Qaeda')).not.toBe(aliasKey('AlQaeda')); // different gaps: different aliases
    expect(aliasKey('WHO')).not.toBe(aliasKey('who'));
    expect(aliasKey('Nicolás')).toBe(aliasKey('nicolas'));
    expect(aliasKey('x')).toBeNull();
  });

  test('findAliasConflicts names the note that keeps the alias', () => {
    expect(findAliasConflicts(entries, { noteId: 'new', title: 'al qaeda', aliases: ['who', 'WHO', 'Osama'] })).toEqual([
      { alias: 'al qaeda', noteId: 'aq', title: 'Al-Qaeda' },
      { alias: 'WHO', noteId: 'who', title: 'World Health Organization' },
    ]);
    // Editing a note never conflicts with itself.
    expect(findAliasConflicts(entries, { noteId: 'aq', title: 'Al-Qaeda', aliases: ['AQ'] })).toEqual([]);
  });

  test('at match time the earlier note wins', () => {
    const m = buildMatcher([...entries, { noteId: 'later', title: 'al qaeda', aliases: [] }]);
    expect(m.match('al qaeda').map((x) => x.noteId)).toEqual(['aq']);
  });
});
