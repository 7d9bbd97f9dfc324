/**
 * The Gloss panel: what Gloss did on the shown tab (article, hidden overlays) and the names and
 * terms on it that have notes, with the note view and editor. Rendered in Chrome's side panel,
 * Firefox's sidebar, or a normal tab (`sidepanel.html?tab=ID`, used by tests and the demo).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelRequest } from '@/lib/messaging';
import type { Note } from '@/lib/notes/schema';
import type { PanelApi } from './api';
import { AlsoMentioned } from './AlsoMentioned';
import { Library } from './library/Library';
import { NoteEditor, type Prefill } from './NoteEditor';
import { NoteView } from './NoteView';
import { NotesTools } from './NotesTools';
import { OverlaySection } from './OverlaySection';
import { PageHeader } from './PageHeader';
import { SettingsSection, SiteOverlaySwitch } from './SettingsSection';
import { TermList } from './TermList';
import { useNotes } from './useNotes';
import { useSettings } from './useSettings';
import { siteKey } from '@/lib/settings/schema';
import { useTabState } from './useTabState';
import { loadPanelMemory, savePanelMemory } from './panelMemory';
import { reasonText } from './reasons';

export interface AppProps {
  api: PanelApi;
  /** The tab to show (from `?tab=ID`), or null to follow the active tab. */
  fixedTabId: number | null;
  /** Starter notes offered to readers with no notes yet. */
  starterNotes: unknown;
}

/** Where a note was opened from, so Back returns there. */
type Origin = 'page' | 'library';
type Screen =
  | { kind: 'page' }
  | { kind: 'library' }
  | { kind: 'note'; id: string; from?: Origin }
  | { kind: 'edit'; id: string | null; from?: Origin; prefill?: Prefill };

/** A new note's editor started from a selection on the page: its text as title, the page as source. */
function prefillFrom(r: Extract<PanelRequest, { kind: 'new' }>): Prefill {
  return { title: r.title, ...(r.source ? { sources: r.source.url } : {}) };
}

/** How long "Deleted. Undo" stays offered. */
export const UNDO_MS = 10_000;

export function App({ api, fixedTabId, starterNotes }: AppProps) {
  const { t } = api;
  const { view, refresh } = useTabState(api, fixedTabId);
  const { notes, error: notesError, reload } = useNotes(api);
  // Back where the reader was when the panel closed (a prefill is not kept: it came from a click).
  const [memory] = useState(loadPanelMemory);
  const [screen, setScreen] = useState<Screen>(memory.screen);
  const screenRef = useRef(screen);
  screenRef.current = screen;
  useEffect(() => savePanelMemory({ screen, scrollY: window.scrollY }), [screen]);
  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        savePanelMemory({ screen: screenRef.current, scrollY: window.scrollY });
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
    };
  }, []);
  const [deleted, setDeleted] = useState<Note | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(undoTimer.current), []);
  const home = (from: Origin = 'page'): Screen => (from === 'library' ? { kind: 'library' } : { kind: 'page' });

  const deleteNote = async (note: Note, from: Origin) => {
    setUndoError(null);
    const reply = await api.call('panel:deleteNote', { id: note.id });
    if (!reply.ok) return setUndoError(t('errDelete', [reasonText(t)(reply.error)]));
    await reload();
    setScreen(home(from));
    setDeleted(reply.note);
    clearTimeout(undoTimer.current);
    undoTimer.current = setTimeout(() => setDeleted(null), UNDO_MS);
  };
  const undoDelete = async () => {
    if (!deleted) return;
    clearTimeout(undoTimer.current);
    const reply = await api.call('panel:restoreNote', { note: deleted });
    setDeleted(null);
    if (!reply.ok) return setUndoError(t('errUndo', [reasonText(t)(reply.error)]));
    await reload();
  };
  const settingsApi = useSettings(api);
  const site = view.status === 'ready' ? siteKey(view.state.url) : '';
  const switchProps = settingsApi.settings && { t, settings: settingsApi.settings, site, update: settingsApi.update };

  // Another panel or window may have edited notes: any state report is a cue to reload them.
  useEffect(() => void reload(), [view, reload]);

  // The reader asked for a note from the shown tab (clicked a mention, or "Add note for …" on a
  // selection). A panel that the request just opened asks once for it; an open one hears it.
  const shownTab = view.status === 'ready' || view.status === 'unreachable' || view.status === 'busy' ? view.tabId : null;
  useEffect(() => {
    if (shownTab === null) return;
    let live = true;
    const follow = (r: PanelRequest) =>
      setScreen(r.kind === 'note' ? { kind: 'note', id: r.noteId } : { kind: 'edit', id: null, prefill: prefillFrom(r) });
    void api.call('panel:takeRequest', { tabId: shownTab }).then((r) => {
      if (live && r.ok && r.request) follow(r.request);
    });
    const unwatch = api.watch((e) => {
      if (e.kind !== 'request' || e.tabId !== shownTab) return;
      follow(e.request);
      // Handled here: take it, so a reload of this panel does not do it a second time.
      void api.call('panel:takeRequest', { tabId: shownTab });
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [api, shownTab]);

  const byId = new Map((notes ?? []).map((n) => [n.id, n]));

  // Once the notes and the tab are there, scroll back to where the reader was (once), and leave a
  // remembered note or edit whose note was deleted meanwhile.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || notes === null || view.status === 'loading') return;
    restored.current = true;
    if ((screen.kind === 'note' || screen.kind === 'edit') && screen.id && !notes.some((n) => n.id === screen.id)) {
      setScreen({ kind: 'page' });
      return;
    }
    if (memory.scrollY) requestAnimationFrame(() => window.scrollTo(0, memory.scrollY));
  }, [notes, view.status, screen, memory]);
  const current = screen.kind === 'note' || (screen.kind === 'edit' && screen.id) ? byId.get(screen.id!) : undefined;

  let main;
  if (screen.kind === 'edit' && screen.id && !current) {
    // A remembered edit, waiting for its note (the editor starts from the note and its draft).
    main = <p class="muted">{t('loading')}</p>;
  } else if (screen.kind === 'edit') {
    main = (
      <NoteEditor
        api={api}
        note={current ?? null}
        prefill={screen.prefill}
        onSaved={async (id) => {
          await reload();
          setScreen({ kind: 'note', id, from: screen.from });
        }}
        onCancel={() => setScreen(current ? { kind: 'note', id: current.id, from: screen.from } : home(screen.from))}
      />
    );
  } else if (screen.kind === 'note' && current) {
    const count = view.status === 'ready' ? view.state.mentions.find((m) => m.noteId === current.id)?.count ?? 0 : 0;
    const tabId = view.status === 'ready' ? view.tabId : null;
    main = (
      <NoteView
        t={t}
        note={current}
        mentions={count}
        onShowMention={
          tabId === null ? undefined : async (index) => {
            const reply = await api.call('panel:showMention', { tabId, noteId: current.id, index });
            return reply.ok ? reply.index : null;
          }
        }
        onEdit={() => setScreen({ kind: 'edit', id: current.id, from: screen.from })}
        onBack={() => setScreen(home(screen.from))}
        onDelete={() => void deleteNote(current, screen.from ?? 'page')}
      />
    );
  } else if (screen.kind === 'library') {
    main = <Library t={t} notes={notes ?? []} onOpen={(id) => setScreen({ kind: 'note', id, from: 'library' })} onBack={() => setScreen({ kind: 'page' })} />;
  } else {
    main = (
      <>
        <PageSummary api={api} view={view} onShownAgain={refresh}>
          {switchProps && <SiteOverlaySwitch {...switchProps} />}
        </PageSummary>
        {view.status === 'ready' && (view.state.article.isArticle || view.state.article.forced) && (
          <TermList t={t} mentions={view.state.mentions} notes={notes ? byId : null} onOpen={(id) => setScreen({ kind: 'note', id })} />
        )}
        {view.status === 'ready' && (view.state.article.isArticle || view.state.article.forced) && (
          <AlsoMentioned
            t={t}
            suggestions={view.state.suggestions ?? []}
            notes={notes}
            dismissed={(site && settingsApi.settings?.sites[site]?.dismissed) || []}
            pageUrl={view.state.url}
            onAdd={(prefill) => setScreen({ kind: 'edit', id: null, prefill })}
            onDismiss={(label) => {
              if (!site) return;
              const before = settingsApi.settings?.sites[site]?.dismissed ?? [];
              void settingsApi.update({ site, sitePatch: { dismissed: [...before.filter((x) => x !== label), label] } });
            }}
          />
        )}
        <NotesTools
          api={api}
          noteCount={notes?.length ?? null}
          notes={notes}
          starterNotes={starterNotes}
          onNew={() => setScreen({ kind: 'edit', id: null })}
          onImported={reload}
          onLibrary={() => setScreen({ kind: 'library' })}
        />
        {switchProps && <SettingsSection {...switchProps} />}
        {settingsApi.error && <p role="alert" class="error">{t('errSettings', [settingsApi.error])}</p>}
      </>
    );
  }

  return (
    <div class="gloss-panel">
      <PageHeader api={api} view={view} inTab={fixedTabId !== null} />
      {notesError && <p role="alert" class="error">{t('errNotesUnavailable', [notesError])}</p>}
      {deleted && (
        <p role="status" class="notice undo" data-testid="undo-delete">
          {t('deletedNote', [deleted.title])}{' '}
          <button type="button" class="link" data-testid="undo" onClick={() => void undoDelete()}>
            {t('undo')}
          </button>
        </p>
      )}
      {undoError && <p role="alert" class="error">{undoError}</p>}
      <main>{main}</main>
    </div>
  );
}

interface SummaryProps {
  api: PanelApi;
  view: ReturnType<typeof useTabState>['view'];
  onShownAgain: () => void;
  children?: preact.ComponentChildren;
}

function PageSummary({ api, view, onShownAgain, children }: SummaryProps) {
  const { t } = api;
  if (view.status === 'loading') return <p class="muted" aria-live="polite">{t('loading')}</p>;
  if (view.status === 'no-tab') return <p class="muted">{t('noTab')}</p>;
  if (view.status === 'unreachable') return <p class="notice">{t('unreachable')}</p>;
  if (view.status === 'busy')
    return (
      <p class="notice">
        {t('tabBusy')}{' '}
        <button type="button" onClick={onShownAgain}>
          {t('tryAgain')}
        </button>
      </p>
    );
  const overlays = (
    <OverlaySection api={api} tabId={view.tabId} overlays={view.state.overlays} gate={view.state.gate} onShownAgain={onShownAgain}>
      {children}
    </OverlaySection>
  );
  if (view.state.article.isArticle) return overlays;
  // Not an article; on a page of prose (a product tour) overlays are still hidden, so say which.
  const readable = view.state.article.readable ? overlays : null;
  if (view.state.article.forced) {
    return (
      <>
        <p class="notice">{readable ? t('forcedNoticeReadable') : t('forcedNotice')}</p>
        {readable}
      </>
    );
  }
  return (
    <>
      <div class="notice" data-testid="not-article">
        <p>{readable ? t('notArticleReadable') : t('notArticle')}</p>
        <RunAnyway api={api} tabId={view.tabId} onDone={onShownAgain} />
      </div>
      {readable}
    </>
  );
}

/** "Find terms on this page anyway", for pages the detector did not take for articles. */
function RunAnyway({ api, tabId, onDone }: { api: PanelApi; tabId: number; onDone: () => void }) {
  const [failed, setFailed] = useState(false);
  const run = async () => {
    const reply = await api.call('panel:runAnyway', { tabId });
    if (reply.ok) onDone();
    else setFailed(true);
  };
  return (
    <>
      <button type="button" class="secondary" data-testid="run-anyway" onClick={run}>
        {api.t('runAnyway')}
      </button>
      {failed && <p role="alert" class="error">{api.t('errRunAnyway')}</p>}
    </>
  );
}
