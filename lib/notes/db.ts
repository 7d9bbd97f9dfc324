/**
 * The notes database: IndexedDB in the extension's own origin, opened through `idb`.
 *
 * The schema is versioned from day one. Each entry of MIGRATIONS upgrades the database by one
 * version; opening runs every step between the stored version and the newest, inside the
 * single versionchange transaction, so a failed upgrade leaves the old data untouched.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { aliasKeysOf, type Note } from './schema';

export const DB_NAME = 'gloss';

/**
 * A note as stored: the Note plus `aliasKeys`, its folded title and aliases, kept as a field so
 * a multi-entry index can find a note by any name it answers to.
 */
export interface StoredNote extends Note {
  aliasKeys: string[];
}

export interface GlossDB extends DBSchema {
  notes: { key: string; value: StoredNote; indexes: { updatedAt: number; aliasKeys: string; tags: string } };
}

export type GlossDatabase = IDBPDatabase<GlossDB>;
type UpgradeTx = IDBPTransaction<GlossDB, ['notes'], 'versionchange'>;

/** One schema step: upgrades from version `index` to `index + 1`. */
export type Migration = (db: IDBPDatabase<GlossDB>, tx: UpgradeTx) => void;

/** The stored form of a note (adds the derived index field). */
export function toStored(note: Note): StoredNote {
  return { ...note, aliasKeys: aliasKeysOf(note) };
}

/** The panel's form of a stored note (drops the derived index field). */
export function fromStored(stored: StoredNote): Note {
  const { aliasKeys: _keys, ...note } = stored;
  return note;
}

/** Numbered migrations: MIGRATIONS[0] creates version 1, MIGRATIONS[1] version 2... */
export const MIGRATIONS: readonly Migration[] = [
  // v1: notes keyed by id, listed by last edit.
  (db) => {
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('updatedAt', 'updatedAt');
  },
  // v2: notes gain tags, sources and the pages they were seen on; two multi-entry indexes find
  // a note by any (folded) name and by tag. Version 1 records are rewritten in place, inside the
  // upgrade transaction, so a failure leaves them as they were.
  (_db, tx) => {
    const store = tx.objectStore('notes');
    store.createIndex('aliasKeys', 'aliasKeys', { multiEntry: true });
    store.createIndex('tags', 'tags', { multiEntry: true });
    void store.openCursor().then(async function step(cursor): Promise<void> {
      if (!cursor) return;
      const v1 = cursor.value as Partial<StoredNote> & Pick<Note, 'id' | 'title' | 'aliases' | 'body' | 'createdAt' | 'updatedAt'>;
      const upgraded: Note = {
        id: v1.id,
        title: v1.title,
        aliases: v1.aliases ?? [],
        body: v1.body ?? '',
        tags: v1.tags ?? [],
        sources: v1.sources ?? [],
        seen: v1.seen ?? [],
        createdAt: v1.createdAt,
        updatedAt: v1.updatedAt,
      };
      await cursor.update(toStored(upgraded));
      return step(await cursor.continue());
    }).catch(() => {
      // A record that fails to upgrade must fail the whole upgrade (a rejected promise does not
      // abort an IndexedDB transaction by itself); when the transaction is already aborting (an
      // error elsewhere), abort() throws and the open promise reports that error instead.
      try {
        tx.abort();
      } catch {
        /* already finished */
      }
    });
  },
];

/**
 * Opens (creating or upgrading) the notes database.
 * @param factory the IDBFactory to use: `indexedDB` in the extension, fake-indexeddb in tests.
 * @param migrations injectable for tests of the upgrade path.
 */
export function openNotesDb(
  factory: IDBFactory,
  { name = DB_NAME, migrations = MIGRATIONS }: { name?: string; migrations?: readonly Migration[] } = {},
): Promise<GlossDatabase> {
  // idb's openDB() always uses the global indexedDB; opening through the injected factory and
  // wrapping the request keeps the database factory a plain dependency (tests pass a fresh one).
  const request = factory.open(name, migrations.length);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as GlossDatabase;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTx;
    // A failed upgrade is reported by the returned promise; without this, idb's `done` promise
    // for the aborted upgrade transaction would also be an unhandled rejection.
    tx.done.catch(() => {});
    for (let v = event.oldVersion; v < migrations.length; v++) migrations[v]?.(db, tx);
  });
  return wrap(request) as Promise<GlossDatabase>;
}
