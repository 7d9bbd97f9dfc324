/** "On this page": the noted names and terms found in the article, in order of first mention. */
import type { TabState } from '@/lib/messaging';
import type { Note } from '@/lib/notes/schema';
import type { PanelApi } from './api';

interface Props {
  t: PanelApi['t'];
  mentions: TabState['mentions'];
  notes: Map<string, Note>;
  onOpen: (noteId: string) => void;
}

export function TermList({ t, mentions, notes, onOpen }: Props) {
  const rows = mentions.flatMap((m) => {
    const note = notes.get(m.noteId);
    return note ? [{ note, count: m.count }] : [];
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
              <button type="button" class="term" data-term={note.title} onClick={() => onOpen(note.id)} aria-label={count === 1 ? t('termWithCountOne', [note.title]) : t('termWithCount', [note.title, count])}>
                <span class="term-title">{note.title}</span>
                <span class="count" aria-hidden="true">
                  {count}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
