/** The reader's notes as the panel sees them: loaded from the background, reloaded after writes. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Note } from '@/lib/notes/schema';
import type { PanelApi } from './api';

export function useNotes(api: PanelApi): { notes: Note[] | null; error: string | null; reload: () => Promise<void> } {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const version = useRef<string | undefined>(undefined);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    const reply = await api.call('panel:listNotes', version.current ? { known: version.current } : {});
    // Reloads overlap (a save and a page report arrive together): only the newest one counts.
    if (mine !== seq.current) return;
    if (reply.ok) {
      // No notes in the reply: nothing changed since the version held.
      if (reply.notes) setNotes(reply.notes);
      version.current = reply.version;
      setError(null);
    } else {
      setError(reply.error);
    }
  }, [api]);
  useEffect(() => void reload(), [reload]);
  return { notes, error, reload };
}
