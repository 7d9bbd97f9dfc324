/** "On this page": the noted names and terms found in the article, in order of first mention. */
import type { TabState } from '@/lib/messaging';
import type { Note } from '@/lib/notes/schema';
import type { PanelApi } from './api';

interface Props {
  t: PanelApi['t'];
  mentions: TabState['mentions'];
  /** The reader's notes, or null while they load (the tab's own titles are shown meanwhile). */
  notes: Map<string, Note> | null;
  onOpen: (noteId: string) => void;
}

export function TermList({ t, mentions, notes, onOpen }: Props) {
  const rows = mentions.flatMap((m) => {
    const note = notes?.get(m.noteId);
    // Loaded and missing: the note was deleted since the page was matched.
    if (notes && !note) return [];
    const title = note?.title ?? m.title;
    return title ? [{ note: { id: m.noteId, title }, count: m.count }] : [];
  });
  return (
    <section class="terms" aria-labelledby="on-this-page">
      <h2 id="on-this-page">{t('onThisPage')}</h2>
      {rows.length === 0 ? (
        <p class="muted">{t('noTermsFound')}</p>
      ) : (
        <ul class="term-list" data-testid="term-list">
          {rows.map(({ note, count }) => (
            <li key={note.id}>
              {/* The accessible name starts with the visible text ("White House 3 mentions"), so
                  voice-control users can say what they see. */}
              <button type="button" class="term" data-term={note.title} onClick={() => onOpen(note.id)}>
                <span class="term-title">{note.title}</span> <span class="count">{count}</span>
                <span class="visually-hidden"> {count === 1 ? t('mentionUnitOne') : t('mentionUnitMany')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
