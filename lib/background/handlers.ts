/**
 * The background's answers to content scripts and panels. It owns the notes database and the
 * dictionary derived from it; tab state stays with each tab's content script and is asked for
 * on demand, so nothing is lost when Chrome stops the service worker.
 */
import type { BackgroundToContent, ContentToBackground, Handlers, MessageType, PanelToBackground, Request, SenderInfo, Suggestion, TabState } from '../messaging';
import { send } from '../messaging';
import { aliasKeysOf, isWebUrl, parseNotesFile, type NotesRepo } from '../notes';
import { suggestFromText, type PageText } from '../terms/discover';
import { effectiveFor, siteKey, withSitePatch, type SettingsStore } from '../settings';
import { HIGHLIGHT_COLORS } from '../settings/schema';
import { compileDictionary, matcherFromCompiled, type CompiledMatcher } from '../terms';
import { matchTexts } from '../terms/remote';
import type { PanelRequests } from './panel-requests';

export interface BackgroundDeps {
  /** The notes repository, opened lazily (the database opens on first use). */
  repo: () => Promise<NotesRepo>;
  /** tabs.sendMessage, to ask a tab's content script. */
  sendToTab: (tabId: number, msg: unknown) => Promise<unknown>;
  /** Ids of every open tab, to tell them the notes changed. */
  allTabIds: () => Promise<number[]>;
  /** runtime.sendMessage, to tell open panels a tab changed. */
  broadcast: (msg: unknown) => Promise<unknown>;
  /** Toolbar badge text for a tab. */
  setBadge: (tabId: number, text: string) => void;
  /** The reader's switches (storage.local). */
  settings: SettingsStore;
  /** Opens the panel on what the reader asked for (panel-requests.ts). */
  panelRequests: PanelRequests;
  /** Clock for the "seen on" dates; Date.now when absent. */
  now?: () => number;
  /** How long a tab's content script may take to answer (TAB_REPLY_MS when absent). */
  tabReplyMs?: number;
}

/**
 * A content script answers in milliseconds; one that has not answered in this long is stuck
 * behind its page's own work, and the panel says the tab is not answering instead of waiting.
 */
export const TAB_REPLY_MS = 3000;
/** "Run anyway" answers once the whole page is matched: a long page's work, not a quick reply. */
const RUN_ANYWAY_MS = 60_000;

/** Builds the background's message handlers from its dependencies. */
export function createBackgroundHandlers(deps: BackgroundDeps): Handlers<ContentToBackground & PanelToBackground> {
  // One matcher per version of the notes, compiled on first use and shared by every page.
  let matcher: Promise<{ matcher: CompiledMatcher; keys: Set<string> }> | null = null;
  // Changes whenever any note is written (edits, imports, deletes, pages seen): panels holding
  // this version need not fetch the list again. Random per start: a restarted worker's counter
  // must never match a version a panel kept from before.
  let notesVersion = crypto.randomUUID();
  const now = () => (deps.now ?? Date.now)();

  function currentMatcher(): Promise<{ matcher: CompiledMatcher; keys: Set<string> }> {
    matcher ??= deps.repo().then(async (repo) => {
      const notes = await repo.list();
      return {
        matcher: matcherFromCompiled(compileDictionary(notes.map((n) => ({ noteId: n.id, title: n.title, aliases: n.aliases })))),
        // Every name a note answers to, folded: those are never suggested as "Also mentioned".
        keys: new Set(notes.flatMap((n) => aliasKeysOf(n))),
      };
    });
    // A failed read (database unavailable) is retried on the next page.
    matcher.catch(() => (matcher = null));
    return matcher;
  }

  // Bounded: a tab whose page hogs its main thread cannot answer, and waiting on it would leave
  // the panel (and a note's save, which tells every tab) hanging for as long as that page is open.
  const askTab = <K extends keyof BackgroundToContent>(tabId: number, type: K, request: Request<K>, timeoutMs = deps.tabReplyMs ?? TAB_REPLY_MS) =>
    send((m) => deps.sendToTab(tabId, m), type, request, timeoutMs);

  /** Tells every tab something changed. Tabs without a content script simply fail: expected. */
  async function tellAllTabs(type: 'bg:notesChanged' | 'bg:settingsChanged') {
    const ids = await deps.allTabIds();
    await Promise.all(ids.map((id) => askTab(id, type, {})));
  }

  async function notesChanged() {
    matcher = null;
    notesVersion = crypto.randomUUID();
    await tellAllTabs('bg:notesChanged');
  }

  /**
   * Remembers the pages where noted terms were seen. The address comes from the browser's sender
   * record (not the untrusted message) and only web pages are kept; never fails the report.
   */
  async function recordSeen(state: TabState, url: string | undefined) {
    if (!url || !isWebUrl(url) || !state.mentions.length) return;
    try {
      const page = { url: url.split('#')[0]!, title: state.article.title.slice(0, 300) || url, date: now() };
      const written = await (await deps.repo()).recordSeen(state.mentions.map((m) => m.noteId), page);
      if (written) notesVersion = crypto.randomUUID();
    } catch (e) {
      console.warn('Gloss: could not remember where a term was seen', e);
    }
  }

  return {
    async 'content:matchTexts'({ texts, discover }) {
      const { matcher: m, keys } = await currentMatcher();
      const matches = matchTexts(m, texts);
      // Titles of the notes found, only: the tooltip shows them; nothing else leaves the background.
      const titles: Record<string, string> = {};
      for (const [, , , noteId] of matches) titles[noteId] ??= m.titleOf(noteId) ?? '';
      return { ok: true, matches, titles, ...(discover ? { suggestions: suggestionsFrom(discover.page, discover.lang, keys) } : {}) };
    },
    async 'content:openNote'({ noteId }, sender) {
      const tab = sender.tab;
      if (tab?.id === undefined || tab.windowId === undefined) return { ok: false, error: 'no-tab' };
      // Synchronously inside the click's message: the panel opens before any await.
      return { ok: true, ...(await deps.panelRequests.ask({ id: tab.id, windowId: tab.windowId }, { kind: 'note', noteId })) };
    },
    'panel:takeRequest'({ tabId }) {
      return { ok: true, request: deps.panelRequests.take(tabId) };
    },
    async 'panel:showMention'({ tabId, noteId, index }) {
      return askTab(tabId, 'bg:showMention', { noteId, index });
    },
    async 'content:getSettings'(_msg, sender) {
      // The site comes from the browser's sender record, never from the (untrusted) message.
      const site = siteKey(sender.url ?? '');
      return { ok: true, settings: effectiveFor(await deps.settings.get(), site) };
    },
    'content:stateChanged'(msg, sender) {
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        const hidden = msg.state.overlays.shownAgain ? 0 : msg.state.overlays.labels.length;
        deps.setBadge(tabId, hidden ? String(hidden) : '');
        void send(deps.broadcast, 'bg:tabStateChanged', { tabId });
        void recordSeen(msg.state, sender.url);
      }
      return { ok: true };
    },
    async 'panel:getTabState'({ tabId }) {
      return askTab(tabId, 'bg:getState', {});
    },
    async 'panel:showOverlaysAgain'({ tabId }) {
      return askTab(tabId, 'bg:showOverlaysAgain', {});
    },
    async 'panel:runAnyway'({ tabId }) {
      // Matching a whole page (time-sliced, in rounds with the background) can take seconds.
      return askTab(tabId, 'bg:runAnyway', {}, RUN_ANYWAY_MS);
    },
    async 'panel:listNotes'({ known }) {
      const version = notesVersion;
      if (known === version) return { ok: true, version };
      return { ok: true, version, notes: await (await deps.repo()).list() };
    },
    async 'panel:saveNote'({ note, baseUpdatedAt }) {
      const result = await (await deps.repo()).save(note, { baseUpdatedAt });
      if (result.ok) await notesChanged();
      return result;
    },
    async 'panel:deleteNote'({ id }) {
      const note = await (await deps.repo()).remove(id);
      if (!note) return { ok: false, error: 'not-found' };
      await notesChanged();
      return { ok: true, note };
    },
    async 'panel:deleteAllNotes'() {
      const deleted = await (await deps.repo()).clear();
      if (deleted) await notesChanged();
      return { ok: true, deleted };
    },
    async 'panel:restoreNote'({ note }) {
      if (!(await (await deps.repo()).restore(note))) return { ok: false, error: 'exists' };
      await notesChanged();
      return { ok: true, note };
    },
    async 'panel:getSettings'() {
      return { ok: true, settings: await deps.settings.get() };
    },
    async 'panel:updateSettings'({ global, site, sitePatch }) {
      const settings = await deps.settings.update((current) => {
        let next = { ...current };
        if (typeof global?.overlays === 'boolean') next.overlays = global.overlays;
        if (typeof global?.highlights === 'boolean') next.highlights = global.highlights;
        if (global?.highlightColor && HIGHLIGHT_COLORS.includes(global.highlightColor)) next.highlightColor = global.highlightColor;
        if (site && sitePatch) next = withSitePatch(next, site, sitePatch);
        return next;
      });
      await tellAllTabs('bg:settingsChanged');
      return { ok: true, settings };
    },
    async 'panel:importNotes'({ data, onDuplicate }) {
      const parsed = parseNotesFile(data);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      const result = await (await deps.repo()).importMany(parsed.notes, { onDuplicate });
      if (result.added || result.merged) await notesChanged();
      return { ok: true, ...result };
    },
  };
}

/** Most suggestions listed for a page. */
export const MAX_SUGGESTIONS = 30;

/** "Also mentioned" for a page's text; never fails the reply (a bad page just gets none). */
function suggestionsFrom(page: PageText, lang: string, keys: Set<string>): Suggestion[] {
  try {
    return suggestFromText(page, { lang, max: MAX_SUGGESTIONS, exclude: (k) => keys.has(k) }).map(({ label, aliases, count, sentence }) => ({
      label,
      aliases,
      count,
      sentence,
    }));
  } catch (e) {
    console.warn('Gloss: could not list suggestions for a page', e);
    return [];
  }
}

/**
 * Who may send what: `panel:*` only from the extension's own pages (privileged: they read and
 * change notes), `content:*` only from content scripts in tabs.
 */
export function acceptSender(extensionId: string, extensionOrigin: string) {
  return (type: MessageType, sender: SenderInfo): boolean => {
    if (sender.id !== extensionId) return false;
    const fromExtensionPage = !!sender.url?.startsWith(extensionOrigin);
    if (type.startsWith('panel:')) return fromExtensionPage;
    if (type.startsWith('content:')) return !fromExtensionPage && sender.tab?.id !== undefined;
    return false;
  };
}
