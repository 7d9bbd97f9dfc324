/**
 * One note, read-only: title, aliases, tags, sources (as safe links), the body as formatted
 * Markdown (rendered without innerHTML), when it was last edited, and the pages where its term
 * was seen; with Edit, Delete and Back.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isSafeLink, type Note } from '@/lib/notes/schema';
import type { PanelApi } from './api';
import { ExternalLink, Markdown } from './notes/Markdown';

interface Props {
  t: PanelApi['t'];
  note: Note;
  mentions: number;
  onEdit: () => void;
  onBack: () => void;
  /** Delete the note (the panel offers Undo). */
  onDelete?: () => void;
  /**
   * Scroll the page to the `index`th mention (wrapping) and flash it; resolves to the index
   * actually shown, or null when the page could not.
   */
  onShowMention?: (index: number) => Promise<number | null>;
}

/** A date and time formatter in the browser's UI language (falls back to the default locale). */
export function dateFormatter(t: PanelApi['t']): Intl.DateTimeFormat {
  const locale = t('@@ui_locale').replace('_', '-');
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }
}

export function NoteView({ t, note, mentions, onEdit, onBack, onDelete, onShowMention }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on the note they chose.
  useLayoutEffect(() => heading.current?.focus(), [note.id]);
  const format = dateFormatter(t);
  const sources = note.sources.filter((s) => isSafeLink(s.url));
  const seen = note.seen.filter((s) => isSafeLink(s.url));
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
      {note.tags.length > 0 && (
        <ul class="tags" aria-label={t('tagsLabel')} data-testid="note-tags">
          {note.tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}
            </li>
          ))}
        </ul>
      )}
      {mentions > 0 && <p class="muted">{mentions === 1 ? t('mentionedOnce') : t('mentionedMany', [mentions])}</p>}
      {mentions > 0 && onShowMention && <MentionStepper key={note.id} t={t} count={mentions} show={onShowMention} />}
      <div class="body" data-testid="note-body">
        {note.body.trim() ? <Markdown text={note.body} /> : <span class="muted">{t('emptyBody')}</span>}
      </div>
      {sources.length > 0 && (
        <section aria-labelledby="note-sources" class="sources">
          <h3 id="note-sources">{t('sourcesLabel')}</h3>
          <ul data-testid="note-sources">
            {sources.map((s) => (
              <li key={s.url}>
                <ExternalLink href={s.url}>{s.title ?? s.url}</ExternalLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      {seen.length > 0 && (
        <section aria-labelledby="note-seen" class="seen">
          <h3 id="note-seen">{t('seenOn')}</h3>
          <ul data-testid="note-seen">
            {seen.map((s) => (
              <li key={s.url}>
                <ExternalLink href={s.url}>{s.title || s.url}</ExternalLink> <span class="muted">{format.format(s.date)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="muted" data-testid="note-updated">
        {t('lastEdited', [format.format(note.updatedAt)])}
      </p>
      <div class="actions">
        <button type="button" data-testid="edit-note" onClick={onEdit}>
          {t('edit')}
        </button>
        {onDelete && (
          <button type="button" class="secondary danger" data-testid="delete-note" onClick={onDelete}>
            {t('delete')}
          </button>
        )}
      </div>
    </article>
  );
}

/** Previous / next mention on the page; the first press of Next shows the first mention. */
function MentionStepper({ t, count, show }: { t: PanelApi['t']; count: number; show: (index: number) => Promise<number | null> }) {
  const [at, setAt] = useState<number | null>(null);
  const go = async (step: number) => {
    const target = at === null ? (step > 0 ? 0 : count - 1) : at + step;
    const shown = await show(target);
    if (shown !== null) setAt(shown);
  };
  return (
    <div class="mention-stepper" role="group" aria-label={t('mentionsOnPage')}>
      <button type="button" class="secondary" data-testid="prev-mention" aria-label={t('previousMention')} onClick={() => void go(-1)}>
        ‹
      </button>
      <span aria-live="polite" data-testid="mention-position">
        {at === null ? '' : t('mentionPosition', [at + 1, count])}
      </span>
      <button type="button" class="secondary" data-testid="next-mention" aria-label={t('nextMention')} onClick={() => void go(1)}>
        ›
      </button>
    </div>
  );
}
