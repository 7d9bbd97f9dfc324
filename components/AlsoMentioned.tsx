/**
 * "Also mentioned": names and terms in the article that have no note yet, most important first
 * (the content script's detector ranks them), each with its count, a one-click **Add note** that
 * opens the editor prefilled (title, the aliases seen, the sentence of first mention as a quote,
 * the page as a source) and a dismiss button that hides it on this site.
 *
 * The content script does not know the reader's notes, so suggestions that already have one
 * are dropped here, where the notes are.
 */
import type { Suggestion } from '@/lib/messaging';
import { aliasKeysOf, type Note } from '@/lib/notes/schema';
import { foldKey } from '@/lib/notes/schema';
import type { PanelApi } from './api';
import type { Prefill } from './NoteEditor';

interface Props {
  t: PanelApi['t'];
  suggestions: readonly Suggestion[];
  /** The reader's notes (null while loading: nothing is suggested until they are known). */
  notes: readonly Note[] | null;
  /** Folded labels the reader dismissed on this site. */
  dismissed: readonly string[];
  pageUrl: string;
  onAdd: (prefill: Prefill) => void;
  onDismiss: (label: string) => void;
}

/** The suggestions left once those with a note or dismissed are dropped. */
export function openSuggestions(suggestions: readonly Suggestion[], notes: readonly Note[], dismissed: readonly string[]): Suggestion[] {
  const known = new Set(notes.flatMap((n) => aliasKeysOf(n)));
  const gone = new Set(dismissed);
  return suggestions.filter((s) => {
    const keys = [s.label, ...s.aliases].map(foldKey);
    return !gone.has(foldKey(s.label)) && !keys.some((k) => known.has(k));
  });
}

/** The editor's starting point for a suggestion. */
export function prefillFor(s: Suggestion, pageUrl: string): Prefill {
  const quote = s.sentence.trim() ? `> ${s.sentence.trim().replace(/\s+/g, ' ')}\n` : '';
  return {
    title: s.label,
    aliases: s.aliases.filter((a) => foldKey(a) !== foldKey(s.label)),
    body: quote,
    ...(/^https?:/i.test(pageUrl) ? { sources: pageUrl.split('#')[0] } : {}),
  };
}

export function AlsoMentioned({ t, suggestions, notes, dismissed, pageUrl, onAdd, onDismiss }: Props) {
  if (!notes) return null;
  const open = openSuggestions(suggestions, notes, dismissed);
  if (!open.length) return null;
  return (
    <section class="terms also" aria-labelledby="also-mentioned">
      <h2 id="also-mentioned">{t('alsoMentioned')}</h2>
      <ul class="term-list" data-testid="also-mentioned">
        {open.map((s) => (
          <li key={s.label} class="suggestion" data-suggestion={s.label}>
            <span class="term-title">{s.label}</span> <span class="count">{s.count}</span>
            <span class="visually-hidden"> {s.count === 1 ? t('mentionUnitOne') : t('mentionUnitMany')}</span>
            <span class="suggestion-actions">
              <button type="button" class="link" data-testid="add-suggestion" aria-label={t('addNoteFor', [s.label])} onClick={() => onAdd(prefillFor(s, pageUrl))}>
                {t('addNote')}
              </button>
              <button type="button" class="link muted" data-testid="dismiss-suggestion" aria-label={t('dismissSuggestion', [s.label])} onClick={() => onDismiss(foldKey(s.label))}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
