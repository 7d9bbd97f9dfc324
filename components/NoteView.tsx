/** One note, read-only, with Edit and Back. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Note } from '@/lib/notes/schema';
import type { PanelApi } from './api';

interface Props {
  t: PanelApi['t'];
  note: Note;
  mentions: number;
  onEdit: () => void;
  onBack: () => void;
}

export function NoteView({ t, note, mentions, onEdit, onBack }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the note they chose.
  useLayoutEffect(() => heading.current?.focus(), [note.id]);
  return (
    <article class="note" aria-labelledby="note-title" onKeyDown={(e) => e.key === 'Escape' && onBack()}>
      <button type="button" class="link back" data-testid="back" onClick={onBack}>
        {t('back')}
      </button>
      <h2 id="note-title" tabIndex={-1} ref={heading}>
        {note.title}
      </h2>
      {note.aliases.length > 0 && (
        <p class="aliases">
          {t('aliasesLabel')}: {note.aliases.join(', ')}
        </p>
      )}
      {mentions > 0 && <p class="muted">{mentions === 1 ? t('mentionedOnce') : t('mentionedMany', [mentions])}</p>}
      <div class="body" data-testid="note-body">
        {note.body || <span class="muted">{t('emptyBody')}</span>}
      </div>
      <button type="button" data-testid="edit-note" onClick={onEdit}>
        {t('edit')}
      </button>
    </article>
  );
}
