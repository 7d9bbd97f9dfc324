/**
 * The notes database: IndexedDB in the extension's own origin, opened through `idb`.
 *
 * The schema is versioned from day one. Each entry of MIGRATIONS upgrades the database by one
 * version; opening runs every step between the stored version and the newest, inside the
 * single versionchange transaction, so a failed upgrade leaves the old data untouched.
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Note } from './schema';

export const DB_NAME = 'gloss';

export interface GlossDB extends DBSchema {
  notes: { key: string; value: Note; indexes: { updatedAt: number } };
}

export type GlossDatabase = IDBPDatabase<GlossDB>;
type UpgradeTx = IDBPTransaction<GlossDB, ['notes'], 'versionchange'>;

/** One schema step: upgrades from version `index` to `index + 1`. */
export type Migration = (db: IDBPDatabase<GlossDB>, tx: UpgradeTx) => void;

/** Numbered migrations: MIGRATIONS[0] creates version 1, MIGRATIONS[1] would create version 2... */
export const MIGRATIONS: readonly Migration[] = [
  // v1: notes keyed by id, listed by last edit.
  (db) => {
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('updatedAt', 'updatedAt');
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
