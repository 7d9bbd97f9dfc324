/**
 * The notes file a reader imports: accepted whole, or refused with a message that names the
 * note and field at fault (never half a file).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILE_FORMAT, FILE_VERSION, parseNotesFile } from '../../../lib/notes';

const file = (notes: unknown, over: Record<string, unknown> = {}) => ({ format: 'gloss-notes', version: 1, notes, ...over });

function errorOf(input: unknown): string {
  const result = parseNotesFile(input);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.notes)}`);
  return result.error;
}

describe('parseNotesFile: accepted files', () => {
  it('reads a file given as JSON text', () => {
    const text = JSON.stringify(file([{ title: 'White House', aliases: ['Casa Blanca'], body: 'Residence.' }]));
    expect(parseNotesFile(text)).toEqual({ ok: true, notes: [{ title: 'White House', aliases: ['Casa Blanca'], body: 'Residence.', tags: [], sources: [] }] });
  });

  it('reads a file given as an already-parsed object', () => {
    expect(parseNotesFile(file([{ title: 'A', aliases: [], body: '' }]))).toEqual({ ok: true, notes: [{ title: 'A', aliases: [], body: '', tags: [], sources: [] }] });
  });

  it('treats missing aliases and body as empty', () => {
    expect(parseNotesFile(file([{ title: 'A' }]))).toEqual({ ok: true, notes: [{ title: 'A', aliases: [], body: '', tags: [], sources: [] }] });
  });

  it('cleans notes the same way the editor does', () => {
    expect(parseNotesFile(file([{ title: ' ISIS ', aliases: [' Islamic State', 'isis', 'islamic state'] }]))).toEqual({
      ok: true,
      notes: [{ title: 'ISIS', aliases: ['Islamic State'], body: '', tags: [], sources: [] }],
    });
  });

  it('drops ids, so an imported file never overwrites existing notes by id', () => {
    const result = parseNotesFile(file([{ id: 'existing-id', title: 'A' }]));
    expect(result).toEqual({ ok: true, notes: [{ title: 'A', aliases: [], body: '', tags: [], sources: [] }] });
  });

  it('accepts a file with no notes', () => {
    expect(parseNotesFile(file([]))).toEqual({ ok: true, notes: [] });
  });

  it('describes the current format', () => {
    expect(FILE_FORMAT).toBe('gloss-notes');
    expect(FILE_VERSION).toBe(2);
  });

  it('accepts the starter notes shipped with the demo', () => {
    const text = readFileSync(join(import.meta.dirname, '../../../seeds/notes/starter.json'), 'utf8');
    const result = parseNotesFile(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notes.map((n) => n.title)).toEqual(
      expect.arrayContaining(['narco-terrorism', 'Claudia Sheinbaum', 'Karoline Leavitt', 'White House']),
    );
    for (const n of result.notes) expect(n.body.length).toBeGreaterThan(0);
  });
});

describe('parseNotesFile: refused files', () => {
  it('refuses text that is not JSON', () => {
    expect(errorOf('{"format": "gloss-notes",')).toMatch(/^Not valid JSON( at line \d+)?: /);
  });

  it.each([
    ['another format', file([], { format: 'other-notes' })],
    ['no format', { version: 1, notes: [] }],
    ['a JSON list', []],
    ['null', null],
    ['a number', 42],
    ['JSON text of a string', '"gloss-notes"'],
  ])('refuses %s as not a Gloss notes file', (_, input) => {
    expect(errorOf(input)).toBe('Not a Gloss notes file (expected "format": "gloss-notes").');
  });

  it('refuses a version it cannot read, naming it', () => {
    expect(errorOf(file([], { version: 3 }))).toBe('Unsupported file version 3 (this Gloss reads versions 1, 2).');
    expect(errorOf(file([], { version: '1' }))).toMatch(/^Unsupported file version 1 /);
  });

  it('refuses "notes" that is not a list', () => {
    expect(errorOf(file({ title: 'A' }))).toBe('"notes" must be a list.');
    expect(errorOf({ format: 'gloss-notes', version: 1 })).toBe('"notes" must be a list.');
  });

  it.each([
    ['a note that is not an object', [{ title: 'ok' }, 'A'], 'notes[1] is not an object.'],
    ['a note that is a list', [[]], 'notes[0] is not an object.'],
    ['a missing title', [{ title: 'ok' }, { title: 'ok 2' }, { body: 'x' }], 'notes[2].title must be text.'],
    ['a title that is not text', [{ title: 7 }], 'notes[0].title must be text.'],
    ['aliases that are not a list', [{ title: 'A', aliases: 'B' }], 'notes[0].aliases must be a list of text.'],
    ['an alias that is not text', [{ title: 'A', aliases: ['B', 3] }], 'notes[0].aliases must be a list of text.'],
    ['a body that is not text', [{ title: 'A', body: ['x'] }], 'notes[0].body must be text.'],
    ['an empty title', [{ title: 'A' }, { title: '  ' }], 'notes[1].title: The title cannot be empty.'],
    ['a title too long', [{ title: 'x'.repeat(201) }], 'notes[0].title: The title is longer than 200 characters.'],
    ['an alias of only spaces', [{ title: 'A', aliases: ['  '] }], 'notes[0].aliases: An alias cannot be empty or only spaces.'],
    ['an alias too long', [{ title: 'A', aliases: ['x'.repeat(201)] }], 'notes[0].aliases: An alias is longer than 200 characters.'],
  ])('refuses the whole file for %s, naming the note and field', (_, notes, message) => {
    expect(parseNotesFile(file(notes))).toEqual({ ok: false, error: message });
  });

  it('names the first bad note when several are bad', () => {
    expect(errorOf(file([{ title: 'A' }, { title: '' }, { title: 5 }]))).toBe('notes[1].title: The title cannot be empty.');
  });
});
