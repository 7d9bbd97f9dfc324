/**
 * The notes repository on fake-indexeddb: creating, editing, listing and importing notes, with
 * a fake clock and id generator so times and ids are predictable.
 */
// idb recognises requests and transactions by the global IDB classes, so they must exist; each
// test still opens its database through its own, fresh factory.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNotesRepo, openNotesDb, parseNotesFile, type NoteInput } from '../../../lib/notes';

async function setup({ newId }: { newId?: () => string } = {}) {
  const db = await openNotesDb(new IDBFactory());
  let t = 1_000;
  const clock = { now: () => t, set: (v: number) => (t = v) };
  let n = 0;
  const repo = createNotesRepo({ db, now: clock.now, newId: newId ?? (() => `id-${++n}`) });
  return { db, repo, clock };
}

const input = (title: string, over: Partial<NoteInput> = {}): NoteInput => ({ title, aliases: [], body: '', ...over });

function saved<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected a saved note, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('saving a new note', () => {
  it('stores the cleaned note with a new id and the current time', async () => {
    const { repo } = await setup();
    const { note } = saved(await repo.save(input('  Claudia Sheinbaum ', { aliases: ['Sheinbaum', ' sheinbaum'], body: 'President of Mexico.' })));
    expect(note).toEqual({
      id: 'id-1',
      title: 'Claudia Sheinbaum',
      aliases: ['Sheinbaum'],
      body: 'President of Mexico.',
      tags: [],
      sources: [],
      seen: [],
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(await repo.get('id-1')).toEqual(note);
    expect(await repo.list()).toEqual([note]);
  });

  it('gives each new note its own id', async () => {
    const { repo } = await setup();
    const a = saved(await repo.save(input('A'))).note;
    const b = saved(await repo.save(input('B'))).note;
    expect(a.id).not.toBe(b.id);
    expect(await repo.list()).toHaveLength(2);
  });

  it('uses random UUIDs when no id generator is given', async () => {
    const db = await openNotesDb(new IDBFactory());
    const { note } = saved(await createNotesRepo({ db }).save(input('A')));
    expect(note.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('returns undefined for an id that does not exist', async () => {
    const { repo } = await setup();
    expect(await repo.get('nope')).toBeUndefined();
  });
});

describe('editing a note', () => {
  it('updates it in place, keeping its id and creation time and moving its edit time', async () => {
    const { repo, clock } = await setup();
    const first = saved(await repo.save(input('Leavitt', { body: 'draft' }))).note;
    clock.set(2_000);
    const edited = saved(await repo.save({ id: first.id, title: 'Karoline Leavitt', aliases: ['Leavitt'], body: 'Press secretary.' })).note;

    expect(edited).toEqual({
      id: first.id,
      title: 'Karoline Leavitt',
      aliases: ['Leavitt'],
      body: 'Press secretary.',
      tags: [],
      sources: [],
      seen: [],
      createdAt: 1_000,
      updatedAt: 2_000,
    });
    expect(await repo.list()).toEqual([edited]);
  });
});

describe('listing notes', () => {
  it('lists the most recently edited note first', async () => {
    const { repo, clock } = await setup();
    const ids: Record<string, string> = {};
    for (const [i, title] of ['A', 'B', 'C'].entries()) {
      clock.set(1_000 + i);
      ids[title] = saved(await repo.save(input(title))).note.id;
    }
    expect((await repo.list()).map((n) => n.title)).toEqual(['C', 'B', 'A']);

    clock.set(5_000);
    await repo.save({ id: ids.A, ...input('A edited') });
    expect((await repo.list()).map((n) => n.title)).toEqual(['A edited', 'C', 'B']);
  });

  it('is empty for a new database', async () => {
    const { repo } = await setup();
    expect(await repo.list()).toEqual([]);
  });
});

describe('refusing invalid notes', () => {
  it('an empty title gives a title error and writes nothing', async () => {
    const { repo } = await setup();
    expect(await repo.save(input(''))).toEqual({ ok: false, errors: [{ field: 'title', message: 'errTitleEmpty' }] });
    expect(await repo.list()).toEqual([]);
  });

  it('an alias of only spaces gives an aliases error and writes nothing', async () => {
    const { repo } = await setup();
    expect(await repo.save(input('White House', { aliases: ['Casa Blanca', '   '] }))).toEqual({
      ok: false,
      errors: [{ field: 'aliases', message: 'errAliasEmpty' }],
    });
    expect(await repo.list()).toEqual([]);
  });

  it('an invalid edit leaves the stored note exactly as it was', async () => {
    const { repo, clock } = await setup();
    const original = saved(await repo.save(input('White House', { aliases: ['WH'], body: 'kept' }))).note;
    clock.set(9_000);
    const result = await repo.save({ id: original.id, title: '   ', aliases: ['WH'], body: 'lost?' });
    expect(result.ok).toBe(false);
    expect(await repo.get(original.id)).toEqual(original);
  });
});

describe('importing notes', () => {
  it('adds every note of a file in one go and reports how many', async () => {
    const { repo } = await setup();
    const result = await repo.importMany([input('A', { aliases: ['a1'], body: 'x' }), input('B')]);
    expect(result).toEqual({ added: 2, merged: 0, skipped: 0 });
    const list = await repo.list();
    expect(list.map((n) => n.title).sort()).toEqual(['A', 'B']);
    expect(list.find((n) => n.title === 'A')).toMatchObject({ aliases: ['a1'], body: 'x', createdAt: 1_000, updatedAt: 1_000 });
  });

  it('skips notes whose title already exists, ignoring case, and keeps the existing note', async () => {
    const { repo } = await setup();
    const mine = saved(await repo.save(input('White House', { body: 'my own text' }))).note;
    const result = await repo.importMany([input('WHITE HOUSE', { body: 'imported text' }), input('Stephen Miller')]);
    expect(result).toEqual({ added: 1, merged: 0, skipped: 1 });
    expect(await repo.get(mine.id)).toEqual(mine);
    expect((await repo.list()).map((n) => n.title).sort()).toEqual(['Stephen Miller', 'White House']);
  });

  it('skips a title repeated within the same file', async () => {
    const { repo } = await setup();
    expect(await repo.importMany([input('A', { body: 'first' }), input('a', { body: 'second' })])).toEqual({ added: 1, merged: 0, skipped: 1 });
    expect((await repo.list()).map((n) => n.body)).toEqual(['first']);
  });

  it('importing the same file twice adds nothing the second time', async () => {
    const { repo } = await setup();
    const file = [input('A'), input('B'), input('C')];
    expect(await repo.importMany(file)).toEqual({ added: 3, merged: 0, skipped: 0 });
    expect(await repo.importMany(file)).toEqual({ added: 0, merged: 0, skipped: 3 });
    expect(await repo.list()).toHaveLength(3);
  });

  it('writes none of the notes when a write fails part-way', async () => {
    let n = 0;
    const { repo } = await setup({
      newId: () => {
        if (++n === 3) throw new Error('no more ids');
        return `id-${n}`;
      },
    });
    await expect(repo.importMany([input('A'), input('B'), input('C'), input('D')])).rejects.toThrow('no more ids');
    expect(await repo.list()).toEqual([]);
  });

  it('imports the starter notes shipped with the demo, once', async () => {
    const { repo } = await setup();
    const text = readFileSync(join(import.meta.dirname, '../../../seeds/notes/starter.json'), 'utf8');
    const parsed = parseNotesFile(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.notes.length).toBeGreaterThan(0);
    expect(await repo.importMany(parsed.notes)).toEqual({ added: parsed.notes.length, merged: 0, skipped: 0 });
    expect(await repo.importMany(parsed.notes)).toEqual({ added: 0, merged: 0, skipped: parsed.notes.length });
    expect((await repo.list()).map((n) => n.title).sort()).toEqual(parsed.notes.map((n) => n.title).sort());
  });
});
