/**
 * The one module that writes notes. Every write goes through here so the dictionary version
 * (which tells content scripts to re-match) always moves with the data.
 */
import type { GlossDatabase } from './db';
import { validateNote, type FieldError, type Note, type NoteInput } from './schema';

export interface NotesRepoDeps {
  db: GlossDatabase;
  /** Clock, injected for tests. */
  now?: () => number;
  /** Id generator, injected for tests. */
  newId?: () => string;
}

export type SaveResult = { ok: true; note: Note } | { ok: false; errors: FieldError[] };

/** CRUD and bulk import over the notes store. */
export function createNotesRepo({ db, now = Date.now, newId = () => crypto.randomUUID() }: NotesRepoDeps) {
  return {
    /** Every note, most recently edited first. */
    async list(): Promise<Note[]> {
      return (await db.getAllFromIndex('notes', 'updatedAt')).reverse();
    },

    get(id: string): Promise<Note | undefined> {
      return db.get('notes', id);
    },

    /** Validates, then creates or updates one note. Nothing is written when invalid. */
    async save(input: NoteInput): Promise<SaveResult> {
      const checked = validateNote(input);
      if (!checked.ok) return checked;
      const { value } = checked;
      const tx = db.transaction('notes', 'readwrite');
      const existing = value.id ? await tx.store.get(value.id) : undefined;
      const t = now();
      const note: Note = {
        id: existing?.id ?? value.id ?? newId(),
        title: value.title,
        aliases: [...value.aliases],
        body: value.body,
        createdAt: existing?.createdAt ?? t,
        updatedAt: t,
      };
      await tx.store.put(note);
      await tx.done;
      return { ok: true, note };
    },

    /**
     * Adds many notes in ONE transaction: either all are written or none. Inputs must already be
     * validated (see parseNotesFile). Notes whose title already exists are skipped so importing
     * the same file twice does not duplicate it.
     */
    async importMany(inputs: readonly NoteInput[]): Promise<{ added: number; skipped: number }> {
      const tx = db.transaction('notes', 'readwrite');
      const existing = new Set((await tx.store.getAll()).map((n) => n.title.toLowerCase()));
      let added = 0;
      const t = now();
      try {
        for (const input of inputs) {
          if (existing.has(input.title.toLowerCase())) continue;
          existing.add(input.title.toLowerCase());
          await tx.store.put({
            id: newId(),
            title: input.title,
            aliases: [...input.aliases],
            body: input.body,
            createdAt: t,
            updatedAt: t,
          });
          added++;
        }
      } catch (e) {
        // Without an explicit abort the transaction would commit the notes already put.
        try {
          tx.abort();
        } catch {
          // Already aborted (a failed write aborts it by itself).
        }
        tx.done.catch(() => {});
        throw e;
      }
      await tx.done;
      return { added, skipped: inputs.length - added };
    },
  };
}

export type NotesRepo = ReturnType<typeof createNotesRepo>;
