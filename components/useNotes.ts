/** The reader's notes as the panel sees them: loaded from the background, reloaded after writes. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Note } from '@/lib/notes/schema';
import type { PanelApi } from './api';

export function useNotes(api: PanelApi): { notes: Note[] | null; error: string | null; reload: () => Promise<void> } {
  const [notes, setNotes] = useState<Note[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const reply = await api.call('panel:listNotes', {});
    if (reply.ok) {
      setNotes(reply.notes);
      setError(null);
    } else {
      setError(reply.error);
    }
  }, [api]);
  useEffect(() => void reload(), [reload]);
  return { notes, error, reload };
}
