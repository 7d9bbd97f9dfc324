/**
 * All notes: a search box (MiniSearch, prefix and fuzzy over title, aliases, tags and body),
 * sorting by title or last edit, and a tag filter. Choosing a note opens it.
 */
import MiniSearch from 'minisearch';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Note } from '@/lib/notes/schema';
import type { PanelApi } from '../api';

interface Props {
  t: PanelApi['t'];
  notes: Note[];
  onOpen: (id: string) => void;
  onBack: () => void;
}

export type SortOrder = 'title' | 'updated';

/** Builds the search index over a set of notes. */
export function buildIndex(notes: readonly Note[]): MiniSearch<Note> {
  const index = new MiniSearch<Note>({
    fields: ['title', 'aliases', 'tags', 'body'],
    storeFields: [],
    extractField: (doc, field) => {
      const v = (doc as unknown as Record<string, unknown>)[field];
      return Array.isArray(v) ? v.join(' ') : (v as string);
    },
    // Fuzzy only from 4 letters: on shorter words a typo allowance matches half the dictionary
    // and costs most of the query time.
    searchOptions: { prefix: true, fuzzy: (term) => (term.length >= 4 ? 0.2 : false), boost: { title: 3, aliases: 2, tags: 1.5 }, combineWith: 'AND' },
  });
  index.addAll(notes as Note[]);
  return index;
}

/** How many rows are drawn at first (and added by "Show more"): drawing 10,000 rows costs more than any search. */
export const PAGE_SIZE = 100;

/** Sorts a copy of the notes by title or by last edit. */
export function sortNotes(notes: readonly Note[], order: SortOrder): Note[] {
  return [...notes].sort(order === 'title' ? (a, b) => a.title.localeCompare(b.title) : (a, b) => b.updatedAt - a.updatedAt);
}

/**
 * The notes to show for a query and tag: by relevance while searching, else in `sorted` order.
 * `byId` and `sorted` are computed once per set of notes by the caller.
 */
export function selectNotes(sorted: readonly Note[], byId: ReadonlyMap<string, Note>, index: MiniSearch<Note>, query: string, tag: string): Note[] {
  const out = query.trim() ? index.search(query.trim()).flatMap((r) => byId.get(r.id as string) ?? []) : sorted;
  return tag ? out.filter((n) => n.tags.includes(tag)) : [...out];
}

export function Library({ t, notes, onOpen, onBack }: Props) {
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SortOrder>('updated');
  const [tag, setTag] = useState('');
  const search = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => search.current?.focus(), []);
  const index = useMemo(() => buildIndex(notes), [notes]);
  const byId = useMemo(() => new Map(notes.map((n) => [n.id, n])), [notes]);
  const sorted = useMemo(() => sortNotes(notes, order), [notes, order]);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const tags = useMemo(() => [...new Set(notes.flatMap((n) => n.tags))].sort((a, b) => a.localeCompare(b)), [notes]);
  const shown = useMemo(() => selectNotes(sorted, byId, index, query, tag), [sorted, byId, index, query, tag]);

  return (
    <section class="library" aria-labelledby="library-title" onKeyDown={(e) => e.key === 'Escape' && onBack()}>
      <button type="button" class="link back" data-testid="back" onClick={onBack}>
        {t('back')}
      </button>
      <h2 id="library-title">{t('allNotes')}</h2>
      <div class="field">
        <label for="library-search">{t('searchNotes')}</label>
        <input id="library-search" type="search" ref={search} value={query} onInput={(e) => {
            setQuery(e.currentTarget.value);
            setLimit(PAGE_SIZE);
          }} data-testid="library-search" />
      </div>
      <div class="library-filters">
        <label>
          {t('sortBy')}{' '}
          <select value={order} onChange={(e) => setOrder(e.currentTarget.value as SortOrder)} data-testid="library-sort">
            <option value="updated">{t('sortUpdated')}</option>
            <option value="title">{t('sortTitle')}</option>
          </select>
        </label>
        {tags.length > 0 && (
          <label>
            {t('filterTag')}{' '}
            <select value={tag} onChange={(e) => setTag(e.currentTarget.value)} data-testid="library-tag">
              <option value="">{t('allTags')}</option>
              {tags.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p class="muted" role="status" data-testid="library-count">
        {shown.length === 1 ? t('noteCountOne') : t('noteCountMany', [shown.length])}
      </p>
      <ul class="term-list" data-testid="library-list">
        {shown.slice(0, limit).map((n) => (
          <li key={n.id}>
            <button type="button" class="term" data-note={n.title} onClick={() => onOpen(n.id)}>
              <span class="term-title">{n.title}</span>
              {n.tags.length > 0 && <span class="muted">{n.tags.join(', ')}</span>}
            </button>
          </li>
        ))}
      </ul>
      {shown.length > limit && (
        <button type="button" class="secondary" data-testid="library-more" onClick={() => setLimit((l) => l + PAGE_SIZE)}>
          {t('showMore', [Math.min(PAGE_SIZE, shown.length - limit)])}
        </button>
      )}
    </section>
  );
}
