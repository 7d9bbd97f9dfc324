/**
 * Unsaved editor changes, kept in the extension page's localStorage under the note's id so they
 * survive a tab switch, the panel closing, or the browser stopping the page. Restored when the
 * editor reopens on that note; cleared on save and on cancel. The storage is injected (tests
 * pass a Map-backed one); any storage failure just means no draft.
 */

/** What the editor keeps of a draft. */
export interface Draft {
  title: string;
  aliases: string[];
  aliasText: string;
  tags: string[];
  tagText: string;
  sources: string;
  body: string;
  /** The `updatedAt` of the note the draft started from (for the conflict check); null for new notes. */
  baseUpdatedAt: number | null;
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'gloss:draft:';

/** The storage key of a note's draft ("new" for a note not saved yet). */
export const draftKey = (noteId: string | null) => `${PREFIX}${noteId ?? 'new'}`;

/** The default storage: the page's localStorage when it can be used. */
export function defaultDraftStorage(): DraftStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadDraft(storage: DraftStorage | null, noteId: string | null): Draft | null {
  try {
    const raw = storage?.getItem(draftKey(noteId));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    const list = (x: unknown) => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : []);
    const text = (x: unknown) => (typeof x === 'string' ? x : '');
    return {
      title: text(d.title),
      aliases: list(d.aliases),
      aliasText: text(d.aliasText),
      tags: list(d.tags),
      tagText: text(d.tagText),
      sources: text(d.sources),
      body: text(d.body),
      baseUpdatedAt: typeof d.baseUpdatedAt === 'number' ? d.baseUpdatedAt : null,
    };
  } catch {
    return null;
  }
}

export function saveDraft(storage: DraftStorage | null, noteId: string | null, draft: Draft): void {
  try {
    storage?.setItem(draftKey(noteId), JSON.stringify(draft));
  } catch {
    // Full or unavailable storage: the draft is simply not kept.
  }
}

export function clearDraft(storage: DraftStorage | null, noteId: string | null): void {
  try {
    storage?.removeItem(draftKey(noteId));
  } catch {
    // Nothing to clear.
  }
}
