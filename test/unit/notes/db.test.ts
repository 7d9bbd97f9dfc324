/**
 * The notes database and its versioned schema, on fake-indexeddb. The most important promise
 * here is the upgrade path: a reader's notes written under version 1 must survive every later
 * schema version, and a failed upgrade must leave them untouched.
 */
// idb recognises requests and transactions by the global IDB classes, so they must exist; each
// test still opens its databases through its own, fresh factory.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DBSchema, IDBPDatabase } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { createNotesRepo, DB_NAME, MIGRATIONS, openNotesDb, type GlossDatabase, type Migration, type Note } from '../../../lib/notes';

/** Version 1 as it was stored. */
interface V1Note {
  id: string;
  title: string;
  aliases: string[];
  body: string;
  createdAt: number;
  updatedAt: number;
}
interface GlossDBv1 extends DBSchema {
  notes: { key: string; value: V1Note; indexes: { updatedAt: number } };
}

/** The schema a hypothetical version 2 would have: an extra index to look notes up by title. */
interface GlossDBv2 extends DBSchema {
  notes: { key: string; value: Note; indexes: { updatedAt: number; title: string } };
}

/** Hypothetical v2: index notes by title. */
const addTitleIndex: Migration = (_db, tx) => {
  // Migration's type only knows version 1 indexes; this step adds a new one.
  (tx.objectStore('notes') as unknown as { createIndex(name: string, keyPath: string): void }).createIndex('title', 'title');
};

const asV2 = (db: GlossDatabase) => db as unknown as IDBPDatabase<GlossDBv2>;

function clock(start = 1_000) {
  let t = start;
  return () => t++;
}

function ids() {
  let n = 0;
  return () => `note-${++n}`;
}

async function writeV1Notes(factory: IDBFactory) {
  const db = await openNotesDb(factory, { name: 'gloss-test', migrations: MIGRATIONS.slice(0, 1) });
  // Exactly what version 1 stored: no tags, sources, seen or aliasKeys.
  const raw = db as unknown as IDBPDatabase<GlossDBv1>;
  await raw.put('notes', { id: 'note-1', title: 'Karoline Leavitt', aliases: ['Leavitt'], body: 'Press secretary.', createdAt: 1_000, updatedAt: 1_000 });
  await raw.put('notes', { id: 'note-2', title: 'White House', aliases: ['Casa Blanca'], body: 'Executive residence.', createdAt: 1_001, updatedAt: 1_001 });
  const before = (await raw.getAllFromIndex('notes', 'updatedAt')).reverse();
  db.close();
  return before as unknown as Note[];
}

describe('openNotesDb', () => {
  it('names the database "gloss" by default', async () => {
    const factory = new IDBFactory();
    const db = await openNotesDb(factory);
    expect(db.name).toBe(DB_NAME);
    expect(DB_NAME).toBe('gloss');
    db.close();
  });

  it('creates version 2 with a notes store keyed by id and indexed by last edit, names and tags', async () => {
    const db = await openNotesDb(new IDBFactory(), { name: 'fresh' });
    expect(db.version).toBe(MIGRATIONS.length);
    expect(MIGRATIONS).toHaveLength(2);
    expect([...db.objectStoreNames]).toEqual(['notes']);
    const store = db.transaction('notes').store;
    expect(store.keyPath).toBe('id');
    expect([...store.indexNames].sort()).toEqual(['aliasKeys', 'tags', 'updatedAt']);
    expect(store.index('updatedAt').keyPath).toBe('updatedAt');
    expect(store.index('aliasKeys').multiEntry).toBe(true);
    expect(store.index('tags').multiEntry).toBe(true);
    db.close();
  });

  it('keeps separate databases apart by name', async () => {
    const factory = new IDBFactory();
    const a = await openNotesDb(factory, { name: 'a' });
    const b = await openNotesDb(factory, { name: 'b' });
    await createNotesRepo({ db: a }).save({ title: 'Only in A', aliases: [], body: '' });
    expect(await b.count('notes')).toBe(0);
    a.close();
    b.close();
  });

  it('reopening at the same version keeps the notes and runs no migration again', async () => {
    const factory = new IDBFactory();
    const before = await writeV1Notes(factory);
    const v1 = vi.fn(MIGRATIONS[0]!);
    const db = await openNotesDb(factory, { name: 'gloss-test', migrations: [v1] });
    expect(v1).not.toHaveBeenCalled();
    expect(await createNotesRepo({ db }).list()).toEqual(before);
    db.close();
  });
});

describe('upgrading from version 1 to a hypothetical version 2', () => {
  it('keeps every version 1 note, field for field, and the new index finds them', async () => {
    const factory = new IDBFactory();
    const before = await writeV1Notes(factory);
    expect(before).toHaveLength(2);

    const v2 = vi.fn(addTitleIndex);
    const db = await openNotesDb(factory, { name: 'gloss-test', migrations: [...MIGRATIONS.slice(0, 1), v2] });
    expect(db.version).toBe(2);
    expect(v2).toHaveBeenCalledTimes(1);

    const repo = createNotesRepo({ db, now: clock(5_000), newId: ids() });
    expect(await repo.list()).toEqual(before);
    expect([...db.transaction('notes').store.indexNames].sort()).toEqual(['title', 'updatedAt']);

    const found = await asV2(db).getFromIndex('notes', 'title', 'White House');
    expect(found).toEqual(before.find((n) => n.title === 'White House'));
    expect(await asV2(db).getAllKeysFromIndex('notes', 'title')).toHaveLength(2);
    db.close();
  });

  it('keeps working normally after the upgrade: new notes are saved, listed and indexed', async () => {
    const factory = new IDBFactory();
    await writeV1Notes(factory);
    const db = await openNotesDb(factory, { name: 'gloss-test', migrations: [...MIGRATIONS.slice(0, 1), addTitleIndex] });
    const repo = createNotesRepo({ db, now: clock(9_000), newId: () => 'after-upgrade' });

    const saved = await repo.save({ title: 'Stephen Miller', aliases: [], body: '' });
    expect(saved.ok).toBe(true);
    expect((await repo.list()).map((n) => n.title)).toEqual(['Stephen Miller', 'White House', 'Karoline Leavitt']);
    expect((await asV2(db).getFromIndex('notes', 'title', 'Stephen Miller'))?.id).toBe('after-upgrade');
    db.close();
  });

  it('runs every step in order on a fresh install', async () => {
    const calls: string[] = [];
    const steps: Migration[] = [
      (db, tx) => {
        calls.push('v1');
        MIGRATIONS[0]!(db, tx);
      },
      (db, tx) => {
        calls.push('v2');
        addTitleIndex(db, tx);
      },
    ];
    const db = await openNotesDb(new IDBFactory(), { name: 'fresh', migrations: steps });
    expect(calls).toEqual(['v1', 'v2']);
    expect(db.version).toBe(2);
    expect([...db.transaction('notes').store.indexNames].sort()).toEqual(['title', 'updatedAt']);
    db.close();
  });

  it('a migration can rewrite existing notes inside the upgrade', async () => {
    const factory = new IDBFactory();
    await writeV1Notes(factory);
    // Hypothetical v2 that changes data, not just indexes: upper-cases every alias.
    const rewrite: Migration = (_db, tx) => {
      const store = tx.objectStore('notes');
      void store.openCursor().then(async function step(cursor): Promise<void> {
        if (!cursor) return;
        await cursor.update({ ...cursor.value, aliases: cursor.value.aliases.map((a) => a.toUpperCase()) });
        return step(await cursor.continue());
      });
    };
    const db = await openNotesDb(factory, { name: 'gloss-test', migrations: [...MIGRATIONS.slice(0, 1), rewrite] });
    expect((await db.getAll('notes')).flatMap((n) => n.aliases).sort()).toEqual(['CASA BLANCA', 'LEAVITT']);
    db.close();
  });

  it('a failed upgrade rejects the open and leaves the version 1 notes and schema untouched', async () => {
    const factory = new IDBFactory();
    const before = await writeV1Notes(factory);
    const broken: Migration = (db, tx) => {
      addTitleIndex(db, tx);
      throw new Error('migration bug');
    };

    await expect(openNotesDb(factory, { name: 'gloss-test', migrations: [...MIGRATIONS.slice(0, 1), broken] })).rejects.toThrow();

    const db = await openNotesDb(factory, { name: 'gloss-test', migrations: MIGRATIONS.slice(0, 1) });
    expect(db.version).toBe(1);
    expect([...db.transaction('notes').store.indexNames]).toEqual(['updatedAt']);
    expect(await createNotesRepo({ db }).list()).toEqual(before);
    db.close();

    // Once the bug is fixed, the upgrade goes through with the data intact.
    const fixed = await openNotesDb(factory, { name: 'gloss-test', migrations: [...MIGRATIONS.slice(0, 1), addTitleIndex] });
    expect(fixed.version).toBe(2);
    expect(await createNotesRepo({ db: fixed }).list()).toEqual(before);
    fixed.close();
  });

  it('refuses to open a database newer than the code (no silent downgrade)', async () => {
    const factory = new IDBFactory();
    (await openNotesDb(factory, { name: 'gloss-test', migrations: [...MIGRATIONS, addTitleIndex] })).close();
    await expect(openNotesDb(factory, { name: 'gloss-test' })).rejects.toThrow();
  });
});

describe('the real upgrade from version 1 to version 2', () => {
  it('gives every version 1 note empty tags, sources and seen lists and indexes its names', async () => {
    const factory = new IDBFactory();
    const v1 = await writeV1Notes(factory);
    const db = await openNotesDb(factory, { name: 'gloss-test' });
    expect(db.version).toBe(2);
    const repo = createNotesRepo({ db, now: clock(9_000), newId: ids() });
    expect(await repo.list()).toEqual(v1.map((n) => ({ ...n, tags: [], sources: [], seen: [] })));
    // The stored records carry the folded names, and the multi-entry indexes answer.
    const stored = await db.get('notes', 'note-2');
    expect(stored?.aliasKeys).toEqual(['white house', 'casa blanca']);
    expect((await repo.findByName('CASA  blanca')).map((n) => n.id)).toEqual(['note-2']);
    expect((await repo.findByName('leavitt')).map((n) => n.id)).toEqual(['note-1']);
    expect(await db.countFromIndex('notes', 'aliasKeys')).toBe(4);
    expect(await db.countFromIndex('notes', 'tags')).toBe(0);
    // Writes after the upgrade keep both indexes in step.
    await repo.save({ id: 'note-1', title: 'Karoline Leavitt', aliases: ['Leavitt', 'Léavitt K'], body: '', tags: ['us politics'] });
    expect((await repo.findByName('leavitt k')).map((n) => n.id)).toEqual(['note-1']);
    expect((await repo.findByTag('us politics')).map((n) => n.id)).toEqual(['note-1']);
    db.close();
  });

  it('a failed version 2 upgrade leaves version 1 data and schema as they were', async () => {
    const factory = new IDBFactory();
    const v1 = await writeV1Notes(factory);
    const broken: Migration = (db, tx) => {
      MIGRATIONS[1]!(db, tx);
      throw new Error('migration bug');
    };
    await expect(openNotesDb(factory, { name: 'gloss-test', migrations: [MIGRATIONS[0]!, broken] })).rejects.toThrow();
    const db = await openNotesDb(factory, { name: 'gloss-test', migrations: MIGRATIONS.slice(0, 1) });
    expect(db.version).toBe(1);
    expect([...db.transaction('notes').store.indexNames]).toEqual(['updatedAt']);
    expect((await db.getAll('notes')).sort((a, b) => a.updatedAt - b.updatedAt)).toEqual([...v1].reverse());
    db.close();
  });
});

describe('upgrading from every earlier schema version (fixtures in test/fixtures/schema)', () => {
  const dir = join(__dirname, '../../fixtures/schema');
  const fixtures = readdirSync(dir)
    .filter((f) => /^v\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { version: number; notes: Record<string, unknown>[] });

  it('keeps a fixture for each version before the current one', () => {
    expect(fixtures.map((f) => f.version).sort()).toEqual(Array.from({ length: MIGRATIONS.length - 1 }, (_, i) => i + 1));
  });

  it.each(fixtures.map((f) => [f.version, f] as const))('version %i: every note survives, field for field', async (version, fixture) => {
    const factory = new IDBFactory();
    const old = await openNotesDb(factory, { name: 'gloss-test', migrations: MIGRATIONS.slice(0, version) });
    const raw = old as unknown as IDBPDatabase<GlossDBv1>;
    for (const record of fixture.notes) await raw.put('notes', record as unknown as V1Note);
    old.close();

    const db = await openNotesDb(factory, { name: 'gloss-test' });
    expect(db.version).toBe(MIGRATIONS.length);
    const repo = createNotesRepo({ db, now: clock(9_000), newId: ids() });
    const byId = new Map((await repo.list()).map((n) => [n.id, n]));
    expect(byId.size).toBe(fixture.notes.length);
    for (const record of fixture.notes) {
      // Every field the old version had is unchanged; new fields get their empty defaults.
      expect(byId.get(record.id as string)).toEqual({ tags: [], sources: [], seen: [], ...record });
      expect((await repo.findByName(record.title as string)).map((n) => n.id)).toContain(record.id);
    }
    db.close();
  });
});
