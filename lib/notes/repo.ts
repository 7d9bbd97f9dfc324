/**
 * The one module that writes notes. Every write goes through here so the dictionary version
 * (which tells content scripts to re-match) always moves with the data, and so every write
 * keeps the derived `aliasKeys` index field in step with the title and aliases.
 */
import { fromStored, toStored, type GlossDatabase } from './db';
import { foldKey, validateNote, type CleanNoteInput, type FieldError, type Note, type NoteInput, type NoteSource, type SeenPage } from './schema';

export interface NotesRepoDeps {
  db: GlossDatabase;
  /** Clock, injected for tests. */
  now?: () => number;
  /** Id generator, injected for tests. */
  newId?: () => string;
}

export type SaveResult = { ok: true; note: Note } | { ok: false; errors: FieldError[] } | { ok: false; conflict: Note };

/** What to do with an imported note whose title (folded) matches an existing note's. */
export type DuplicatePolicy = 'skip' | 'merge' | 'keep';

/** An imported note may carry its original times (a Gloss export does). */
export type ImportInput = NoteInput & { createdAt?: number; updatedAt?: number };

export interface ImportResult {
  added: number;
  merged: number;
  skipped: number;
}

/** Most pages remembered per note in `seen`: the newest are kept. */
export const MAX_SEEN = 50;

/** CRUD, undoable delete and bulk import over the notes store. */
export function createNotesRepo({ db, now = Date.now, newId = () => crypto.randomUUID() }: NotesRepoDeps) {
  return {
    /** Every note, most recently edited first. */
    async list(): Promise<Note[]> {
      return (await db.getAllFromIndex('notes', 'updatedAt')).reverse().map(fromStored);
    },

    async get(id: string): Promise<Note | undefined> {
      const stored = await db.get('notes', id);
      return stored && fromStored(stored);
    },

    /** Notes answering to a name (title or alias), matched after folding case and accents. */
    async findByName(name: string): Promise<Note[]> {
      return (await db.getAllFromIndex('notes', 'aliasKeys', foldKey(name))).map(fromStored);
    },

    /** Notes carrying a tag (exact). */
    async findByTag(tag: string): Promise<Note[]> {
      return (await db.getAllFromIndex('notes', 'tags', tag)).map(fromStored);
    },

    /**
     * Validates, then creates or updates one note. Nothing is written when invalid. With
     * `baseUpdatedAt` (the version the editor started from), an update is refused with the
     * stored note when that note changed since: nothing is silently overwritten.
     */
    async save(input: NoteInput, { baseUpdatedAt }: { baseUpdatedAt?: number } = {}): Promise<SaveResult> {
      const checked = validateNote(input);
      if (!checked.ok) return checked;
      const { value } = checked;
      const tx = db.transaction('notes', 'readwrite');
      const existing = value.id ? await tx.store.get(value.id) : undefined;
      if (existing && baseUpdatedAt !== undefined && existing.updatedAt > baseUpdatedAt) {
        await tx.done;
        return { ok: false, conflict: fromStored(existing) };
      }
      // Never earlier than the version it replaces, so a conflict check cannot miss an edit
      // made within the same millisecond or under a clock that went back.
      const t = Math.max(now(), existing ? existing.updatedAt + 1 : 0);
      const note: Note = {
        id: existing?.id ?? value.id ?? newId(),
        title: value.title,
        aliases: [...value.aliases],
        body: value.body,
        tags: [...value.tags],
        sources: value.sources.map((s) => ({ ...s })),
        seen: existing?.seen ?? [],
        createdAt: existing?.createdAt ?? t,
        updatedAt: t,
      };
      await tx.store.put(toStored(note));
      await tx.done;
      return { ok: true, note };
    },

    /** Deletes one note and returns it as it was (for undo), or undefined if there was none. */
    async remove(id: string): Promise<Note | undefined> {
      const tx = db.transaction('notes', 'readwrite');
      const existing = await tx.store.get(id);
      if (existing) await tx.store.delete(id);
      await tx.done;
      return existing && fromStored(existing);
    },

    /** Deletes every note in one transaction; returns how many there were. */
    async clear(): Promise<number> {
      const tx = db.transaction('notes', 'readwrite');
      const count = await tx.store.count();
      await tx.store.clear();
      await tx.done;
      return count;
    },

    /**
     * Puts a deleted note back exactly as it was (same id and times). Refuses (returns false)
     * when a note with that id exists again, so an undo never overwrites newer work.
     */
    async restore(note: Note): Promise<boolean> {
      const tx = db.transaction('notes', 'readwrite');
      if (await tx.store.get(note.id)) {
        await tx.done;
        return false;
      }
      await tx.store.put(toStored(structuredClone(note)));
      await tx.done;
      return true;
    },

    /**
     * Remembers that the notes in `noteIds` were seen on a page. A page already remembered is
     * not written again; the list keeps the newest MAX_SEEN pages. Does not change `updatedAt`
     * (the reader did not edit anything). Returns how many notes were written.
     */
    async recordSeen(noteIds: readonly string[], page: SeenPage): Promise<number> {
      if (!noteIds.length) return 0;
      const tx = db.transaction('notes', 'readwrite');
      let written = 0;
      for (const id of new Set(noteIds)) {
        const stored = await tx.store.get(id);
        if (!stored || stored.seen.some((s) => s.url === page.url)) continue;
        stored.seen = [{ ...page }, ...stored.seen].slice(0, MAX_SEEN);
        await tx.store.put(stored);
        written++;
      }
      await tx.done;
      return written;
    },

    /**
     * Adds many notes in ONE transaction: either all are written or none. Inputs must already be
     * validated (see parseNotesFile). A note whose title (folded) matches an existing note is
     * skipped, merged into it (aliases, tags and sources joined; a different body appended), or
     * kept as a second note, as `onDuplicate` says. `onProgress` is told how far the writes got.
     */
    async importMany(
      inputs: readonly ImportInput[],
      { onDuplicate = 'skip', onProgress }: { onDuplicate?: DuplicatePolicy; onProgress?: (done: number, total: number) => void } = {},
    ): Promise<ImportResult> {
      const tx = db.transaction('notes', 'readwrite');
      const byTitle = new Map<string, Note>();
      for (const n of await tx.store.getAll()) byTitle.set(foldKey(n.title), fromStored(n));
      const result: ImportResult = { added: 0, merged: 0, skipped: 0 };
      const t = now();
      // Every put is issued at once and awaited together: awaiting each request in turn costs an
      // event-loop round trip per note (seconds for 10,000). Any failed put fails them all.
      const writes: Promise<unknown>[] = [];
      try {
        for (const [i, input] of inputs.entries()) {
          const key = foldKey(input.title);
          const existing = byTitle.get(key);
          if (existing && onDuplicate === 'skip') {
            result.skipped++;
          } else if (existing && onDuplicate === 'merge') {
            const merged = mergeInto(existing, input, Math.max(t, existing.updatedAt + 1));
            writes.push(tx.store.put(toStored(merged)));
            byTitle.set(key, merged);
            result.merged++;
          } else {
            const note = fromInput(newId(), input, t);
            writes.push(tx.store.put(toStored(note)));
            if (!existing) byTitle.set(key, note);
            result.added++;
          }
          if (onProgress && ((i + 1) % 100 === 0 || i + 1 === inputs.length)) onProgress(i + 1, inputs.length);
        }
        await Promise.all(writes);
      } catch (e) {
        // Without an explicit abort the transaction would commit the notes already put.
        for (const w of writes) w.catch(() => {});
        try {
          tx.abort();
        } catch {
          // Already aborted (a failed write aborts it by itself).
        }
        tx.done.catch(() => {});
        throw e;
      }
      await tx.done;
      return result;
    },
  };
}

function fromInput(id: string, input: ImportInput, t: number): Note {
  const clean = input as Partial<CleanNoteInput> & ImportInput;
  return {
    id,
    title: input.title,
    aliases: [...input.aliases],
    body: input.body,
    tags: [...(clean.tags ?? [])],
    sources: (clean.sources ?? []).map((s) => ({ ...s })),
    seen: [],
    createdAt: input.createdAt ?? t,
    updatedAt: input.updatedAt ?? t,
  };
}

/** Joins an imported note into an existing one: nothing the reader had is lost. */
export function mergeInto(existing: Note, input: NoteInput, t: number): Note {
  const union = (a: readonly string[], b: readonly string[], exclude = new Set<string>()) => {
    const seen = new Set(exclude);
    return [...a, ...b].filter((x) => {
      const k = x.toLowerCase();
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  const urls = new Set(existing.sources.map((s) => s.url));
  const sources: NoteSource[] = [...existing.sources, ...(input.sources ?? []).filter((s) => !urls.has(s.url))];
  const incoming = input.body.trim();
  const body = !incoming || existing.body.includes(incoming) ? existing.body : existing.body.trim() ? `${existing.body.trimEnd()}\n\n${incoming}` : incoming;
  return {
    ...existing,
    aliases: union(existing.aliases, input.aliases, new Set([existing.title.toLowerCase()])),
    tags: union(existing.tags, input.tags ?? []),
    sources,
    body,
    updatedAt: t,
  };
}

export type NotesRepo = ReturnType<typeof createNotesRepo>;
