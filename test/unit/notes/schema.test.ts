/**
 * The note rules an editor sees: what is cleaned up silently (spaces, repeated aliases) and what
 * is refused with an error on a named field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { aliasProblem } from '../../../lib/terms/rules';
import { describe, expect, it } from 'vitest';
import { ERROR_TEXT, MAX_NAME_LENGTH, parseAliasField, validateNote, type NoteInput } from '../../../lib/notes';

const note = (over: Partial<NoteInput> = {}): NoteInput => ({ title: 'White House', aliases: [], body: '', ...over });

/** The errors of an input that must be refused. */
function errorsOf(input: NoteInput) {
  const result = validateNote(input);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

/** The cleaned value of an input that must be accepted. */
function valueOf(input: NoteInput) {
  const result = validateNote(input);
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

describe('validateNote: accepted notes are cleaned up', () => {
  it('trims spaces around the title', () => {
    expect(valueOf(note({ title: '  Claudia Sheinbaum \n' })).title).toBe('Claudia Sheinbaum');
  });

  it('trims aliases and drops repeats regardless of case', () => {
    const value = valueOf(note({ title: 'Sinaloa Cartel', aliases: [' Cártel de Sinaloa ', 'cártel de sinaloa', 'CJNG', 'cjng'] }));
    expect(value.aliases).toEqual(['Cártel de Sinaloa', 'CJNG']);
  });

  it('never repeats the title as an alias, whatever its case or spacing', () => {
    const value = valueOf(note({ title: 'ISIS', aliases: ['isis', '  ISIS ', 'Islamic State'] }));
    expect(value.aliases).toEqual(['Islamic State']);
  });

  it('keeps the body exactly as typed, spaces and line breaks included', () => {
    const body = '  First line\n\n  indented second line  ';
    expect(valueOf(note({ body })).body).toBe(body);
  });

  it('keeps the id of an existing note and gives no id to a new one', () => {
    expect(valueOf(note({ id: 'n1' })).id).toBe('n1');
    expect(valueOf(note()).id).toBeUndefined();
    expect('id' in valueOf(note({ id: '' }))).toBe(false);
  });

  it(`accepts a title and an alias of exactly ${MAX_NAME_LENGTH} characters`, () => {
    const long = 'x'.repeat(MAX_NAME_LENGTH);
    expect(valueOf(note({ title: long, aliases: ['y'.repeat(MAX_NAME_LENGTH)] })).title).toBe(long);
  });

  it('counts the length after trimming', () => {
    expect(valueOf(note({ title: `  ${'x'.repeat(MAX_NAME_LENGTH)}  ` })).title).toHaveLength(MAX_NAME_LENGTH);
  });

  it('does not change the input it was given', () => {
    const input = note({ title: ' A ', aliases: [' b ', 'B'] });
    const copy = structuredClone(input);
    validateNote(input);
    expect(input).toEqual(copy);
  });
});

describe('validateNote: refused notes name the field to fix', () => {
  it('refuses an empty title', () => {
    expect(errorsOf(note({ title: '' }))).toEqual([{ field: 'title', message: 'errTitleEmpty' }]);
  });

  it('refuses a title of only spaces', () => {
    expect(errorsOf(note({ title: ' \t\n ' }))).toEqual([{ field: 'title', message: 'errTitleEmpty' }]);
  });

  it(`refuses a title longer than ${MAX_NAME_LENGTH} characters`, () => {
    expect(errorsOf(note({ title: 'x'.repeat(MAX_NAME_LENGTH + 1) }))).toEqual([{ field: 'title', message: 'errTitleLong' }]);
  });

  it('refuses an alias of only spaces', () => {
    expect(errorsOf(note({ aliases: ['WH', '   '] }))).toEqual([{ field: 'aliases', message: 'errAliasEmpty' }]);
  });

  it('refuses an empty alias', () => {
    expect(errorsOf(note({ aliases: [''] }))).toEqual([{ field: 'aliases', message: 'errAliasEmpty' }]);
  });

  it(`refuses an alias longer than ${MAX_NAME_LENGTH} characters`, () => {
    expect(errorsOf(note({ aliases: ['x'.repeat(MAX_NAME_LENGTH + 1)] }))).toEqual([{ field: 'aliases', message: 'errAliasLong' }]);
  });

  it('reports every problem at once, so the editor can mark all fields', () => {
    expect(errorsOf(note({ title: ' ', aliases: [' ', 'x'.repeat(MAX_NAME_LENGTH + 1)] }))).toEqual([
      { field: 'title', message: 'errTitleEmpty' },
      { field: 'aliases', message: 'errAliasEmpty' },
      { field: 'aliases', message: 'errAliasLong' },
    ]);
  });

  it('treats values of the wrong type (from an untrusted message) as missing', () => {
    const bad = { title: 42, aliases: [null], body: 7 } as unknown as NoteInput;
    expect(errorsOf(bad)).toEqual([
      { field: 'title', message: 'errTitleEmpty' },
      { field: 'aliases', message: 'errAliasEmpty' },
    ]);
    const noAliases = { title: 'A', aliases: 'B', body: {} } as unknown as NoteInput;
    expect(valueOf(noAliases)).toEqual({ title: 'A', aliases: [], body: '', tags: [], sources: [] });
  });
});

describe('error texts', () => {
  it('has English text for every error key validateNote can return', () => {
    for (const key of ['errTitleEmpty', 'errTitleLong', 'errAliasEmpty', 'errAliasLong'] as const) {
      expect(ERROR_TEXT[key]).toMatch(/\S/);
    }
  });

  it.each(['en', 'es'])('every error key is also a message in the %s locale', (locale) => {
    const file = join(import.meta.dirname, `../../../public/_locales/${locale}/messages.json`);
    const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
    for (const key of Object.keys(ERROR_TEXT)) expect(messages[key]?.message, key).toMatch(/\S/);
  });
});

describe('parseAliasField', () => {
  it('gives no aliases for an empty or blank field', () => {
    expect(parseAliasField('')).toEqual([]);
    expect(parseAliasField('   ')).toEqual([]);
  });

  it('splits on commas; validation then trims each alias', () => {
    const aliases = parseAliasField('Casa Blanca,  WH ');
    expect(aliases).toEqual(['Casa Blanca', '  WH ']);
    expect(valueOf(note({ aliases })).aliases).toEqual(['Casa Blanca', 'WH']);
  });

  it('keeps empty pieces so a stray comma is flagged instead of silently dropped', () => {
    expect(parseAliasField('ab,,cd')).toEqual(['ab', '', 'cd']);
    expect(errorsOf(note({ aliases: parseAliasField('ab,,cd') }))).toEqual([{ field: 'aliases', message: 'errAliasEmpty' }]);
    expect(errorsOf(note({ aliases: parseAliasField('ab, ') }))).toEqual([{ field: 'aliases', message: 'errAliasEmpty' }]);
  });
});

describe('validateNote properties', () => {
  const name = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);
  // Aliases the matcher can use (lib/terms/rules.ts); the others are refused, tested above.
  const alias = name.filter((s) => aliasProblem(s) === null);
  const input = fc.record({ title: name, aliases: fc.array(alias, { maxLength: 6 }), body: fc.string() });

  it('accepts any note with non-blank, short names, and cleaning it twice changes nothing', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const once = valueOf(raw);
        expect(valueOf(once)).toEqual(once);
      }),
    );
  });

  it('never leaves a repeated alias or the title among the aliases', () => {
    fc.assert(
      fc.property(input, (raw) => {
        const { title, aliases } = valueOf(raw);
        const keys = [title, ...aliases].map((s) => s.toLowerCase());
        expect(new Set(keys).size).toBe(keys.length);
        for (const a of aliases) expect(a).toBe(a.trim());
      }),
    );
  });
});

describe('aliases the matcher could not use', () => {
  it('refuses an alias of one letter or without letters, with the reason; odd characters are fine', () => {
    expect(validateNote({ title: 'World Health Organization', aliases: ['W'], body: '' })).toEqual({ ok: false, errors: [{ field: 'aliases', message: 'errAliasTooShort' }] });
    expect(validateNote({ title: 'Dash', aliases: ['—…'], body: '' })).toEqual({ ok: false, errors: [{ field: 'aliases', message: 'errAliasNoLetters' }] });
    expect(validateNote({ title: 'Odd names', aliases: ['[x]*y', 'WHO', 'AT&T', 'C++ 20'], body: '' })).toMatchObject({ ok: true });
  });
});
