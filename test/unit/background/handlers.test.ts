/**
 * The background's answers, driven through the real router with the real sender check, over a
 * notes repository on fake-indexeddb and recording fakes for tabs, panels and the badge.
 */
// idb recognises requests and transactions by the global IDB classes, so they must exist; each
// test still opens its database through its own, fresh factory.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSettingsStore, type StorageArea } from '../../../lib/settings';
import { acceptSender, createBackgroundHandlers } from '../../../lib/background/handlers';
import { createPanelRequests } from '../../../lib/background/panel-requests';
import { createRouter, SHAPES_TO_BACKGROUND, type Response, type SenderInfo, type TabState, type MessageType, type Request } from '../../../lib/messaging';
import { createNotesRepo, openNotesDb, type Note, type NotesRepo } from '../../../lib/notes';
import { toNotesFile } from '../../../lib/notes/file-format';
import { exportJson, exportName, exportZip, readImportFile } from '../../../components/notes/files';

const ID = 'gloss-id';
const ORIGIN = `chrome-extension://${ID}/`;
const PANEL: SenderInfo = { id: ID, url: `${ORIGIN}sidepanel.html` };
const tabSender = (tabId: number): SenderInfo => ({ id: ID, url: `https://news.example/story-${tabId}`, tab: { id: tabId, windowId: 1 } });

const state = (over: Partial<TabState['overlays']> = {}): TabState => ({
  url: 'https://news.example/story',
  article: { isArticle: true, title: 'Story', siteName: 'News', lang: 'en', reason: 'jsonld:NewsArticle' },
  overlays: { labels: [], shownAgain: false, enabled: true, ...over },
  mentions: [],
});

const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

/**
 * A background over a fresh database. `tabs` maps each open tab to its content script's replies;
 * a tab listed with `null` has no content script (a browser page), so messages to it fail.
 */
interface PanelFakes {
  openPanel?: (windowId: number) => Promise<void>;
  isPanelOpen?: (windowId: number) => Promise<boolean>;
  now?: () => number;
}

async function setup(
  tabs: Record<number, ((msg: { type: string }) => unknown) | null> = { 1: () => ({ ok: true }), 2: () => ({ ok: true }) },
  panel: PanelFakes = {},
  tabReplyMs?: number,
) {
  const db = await openNotesDb(new IDBFactory());
  let t = 1_000;
  let n = 0;
  const repo = createNotesRepo({ db, now: () => t++, newId: () => `note-${++n}` });
  let listCalls = 0;
  const counted: NotesRepo = { ...repo, list: () => (listCalls++, repo.list()) };

  const toTabs: [number, unknown][] = [];
  const broadcasts: unknown[] = [];
  const badges: [number, string][] = [];
  let broadcastFails = false;

  const handlers = createBackgroundHandlers({
    settings: createSettingsStore(memoryArea()),
    repo: async () => counted,
    sendToTab: async (tabId, msg) => {
      toTabs.push([tabId, msg]);
      const script = tabs[tabId];
      if (!script) throw new Error(NO_RECEIVER);
      return script(msg as { type: string });
    },
    allTabIds: async () => Object.keys(tabs).map(Number),
    broadcast: async (msg) => {
      broadcasts.push(msg);
      if (broadcastFails) throw new Error(NO_RECEIVER);
      return undefined;
    },
    setBadge: (tabId, text) => void badges.push([tabId, text]),
    tabReplyMs,
    panelRequests: createPanelRequests({
      broadcast: async (msg) => void broadcasts.push(msg),
      openPanelHint: () => 'Open the panel yourself',
      ...panel,
    }),
  });
  const route = createRouter(handlers, { shapes: SHAPES_TO_BACKGROUND, accept: acceptSender(ID, ORIGIN), warn: () => {} });

  /** Sends a message the way runtime.sendMessage would, from `sender`. */
  const call = <K extends MessageType>(type: K, request: Request<K>, sender: SenderInfo = PANEL) =>
    route({ ...request, type }, sender) as Promise<Response<K>> | undefined;

  return {
    db,
    repo,
    call,
    toTabs,
    broadcasts,
    badges,
    listCalls: () => listCalls,
    failBroadcasts: () => (broadcastFails = true),
    notesChangedTabs: () => toTabs.filter(([, m]) => (m as { type: string }).type === 'bg:notesChanged').map(([id]) => id),
  };
}

const note = (title: string, aliases: string[] = [], body = '') => ({ note: { title, aliases, body } });

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  expect(errors, 'no handler should fail unexpectedly').not.toHaveBeenCalled();
  errors.mockRestore();
});

/** The titles the background reports for `text`, as a content script would ask. */
async function found(bg: Awaited<ReturnType<typeof setup>>, ...texts: string[]) {
  const reply = await bg.call('content:matchTexts', { texts }, tabSender(1));
  return reply && reply.ok ? Object.values(reply.titles).sort() : null;
}

describe('matching page text in the background', () => {
  it('finds nothing before any note exists', async () => {
    const bg = await setup();
    expect(await bg.call('content:matchTexts', { texts: ['Karoline Leavitt spoke.'] }, tabSender(1))).toEqual({ ok: true, matches: [], titles: {} });
  });

  it('answers the matches and the titles of the notes found: never a body, never another note', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('Karoline Leavitt', ['Leavitt'], 'SECRET-BODY-1: press secretary'));
    await bg.call('panel:saveNote', note('White House', ['Casa Blanca', 'WH'], 'SECRET-BODY-2'));
    await bg.call('panel:saveNote', note('Zanzibar Accord', [], 'SECRET-BODY-3'));

    const reply = await bg.call('content:matchTexts', { texts: ['Press secretary Karoline Leavitt said', 'at the White House. Leavitt'] }, tabSender(1));
    expect(reply).toEqual({
      ok: true,
      matches: [
        [0, 16, 32, 'note-1'],
        [1, 7, 18, 'note-2'],
        [1, 20, 27, 'note-1'],
      ],
      titles: { 'note-1': 'Karoline Leavitt', 'note-2': 'White House' },
    });
    expect(JSON.stringify(reply)).not.toMatch(/SECRET-BODY|Zanzibar|Casa Blanca/);
  });

  it('is compiled once and reused while the notes do not change', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('Alpha Centauri'));
    expect(await found(bg, 'Alpha Centauri')).toEqual(['Alpha Centauri']);
    expect(await found(bg, 'near Alpha Centauri')).toEqual(['Alpha Centauri']);
    expect(bg.listCalls()).toBe(1);
  });

  it('includes a note saved while it was being compiled', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('Alpha Centauri'));
    const [, saved] = await Promise.all([found(bg, 'x'), bg.call('panel:saveNote', note('Bravo Company'))]);
    expect(saved).toMatchObject({ ok: true });
    expect(await found(bg, 'Alpha Centauri and Bravo Company')).toEqual(['Alpha Centauri', 'Bravo Company']);
  });

  it('lists the names in the page text that have no note, most mentioned first', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('Karoline Leavitt', ['Leavitt']));
    const text =
      'Press secretary Karoline Leavitt said that Pete Hegseth would travel to Mexico City. ' +
      'Hegseth will meet officials there, Leavitt said, and Hegseth will return on Friday.';
    const page = { text, blocks: [{ start: 0, end: text.length, linkChars: 0 }], italics: [] };
    const reply = await bg.call('content:matchTexts', { texts: [text], discover: { page, lang: 'en' } }, tabSender(1));
    if (!reply?.ok) throw new Error('no reply');
    const labels = reply.suggestions!.map((x) => x.label);
    expect(labels[0]).toBe('Pete Hegseth');
    expect(reply.suggestions![0]).toMatchObject({ aliases: ['Hegseth'], count: 3 });
    expect(labels).not.toContain('Karoline Leavitt');
    // A malformed page is refused by the shape check, never crashes the background.
    expect(bg.call('content:matchTexts', { texts: [], discover: { page: { text: 5 }, lang: 'en' } as never }, tabSender(1))).toBeUndefined();
  });

  it('ignores texts that are not strings instead of failing', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('Alpha Centauri'));
    // Not a valid message: dropped by the shape check (no answer at all).
    expect(bg.call('content:matchTexts', { texts: [1, 2] as unknown as string[] }, tabSender(1))).toBeUndefined();
  });
});

describe('a mention clicked on the page', () => {
  it('opens the panel first thing (before any await) and tells open panels which note', async () => {
    const opened: number[] = [];
    const bg = await setup(undefined, { openPanel: async (w) => void opened.push(w) });
    const reply = bg.call('content:openNote', { noteId: 'note-9' }, tabSender(1));
    // Synchronously: the browser only allows the open inside the click's user activation.
    expect(opened).toEqual([1]);
    expect(await reply).toEqual({ ok: true, shown: true });
    expect(bg.broadcasts).toContainEqual({ type: 'bg:panelRequest', tabId: 1, request: { kind: 'note', noteId: 'note-9' } });
  });

  it('a panel opening right after asks for the note once; another tab or a late ask gets none', async () => {
    let t = 0;
    const bg = await setup(undefined, { openPanel: async () => {}, now: () => t });
    await bg.call('content:openNote', { noteId: 'note-9' }, tabSender(1));
    expect(await bg.call('panel:takeRequest', { tabId: 2 })).toEqual({ ok: true, request: null });
    expect(await bg.call('panel:takeRequest', { tabId: 1 })).toEqual({ ok: true, request: { kind: 'note', noteId: 'note-9' } });
    expect(await bg.call('panel:takeRequest', { tabId: 1 })).toEqual({ ok: true, request: null });
    await bg.call('content:openNote', { noteId: 'note-8' }, tabSender(1));
    t += 60_000;
    expect(await bg.call('panel:takeRequest', { tabId: 1 })).toEqual({ ok: true, request: null });
  });

  it('when the browser refuses (Firefox): shown if the panel is open anyway, else a hint', async () => {
    let open = true;
    const refuse = async () => {
      throw new Error('sidebarAction.open may only be called from a user input handler');
    };
    const bg = await setup(undefined, { openPanel: refuse, isPanelOpen: async () => open });
    expect(await bg.call('content:openNote', { noteId: 'n' }, tabSender(1))).toEqual({ ok: true, shown: true });
    open = false;
    expect(await bg.call('content:openNote', { noteId: 'n' }, tabSender(1))).toEqual({ ok: true, shown: false, hint: 'Open the panel yourself' });
  });

  it('is refused from an extension page (only content scripts in tabs send it)', async () => {
    const bg = await setup(undefined, { openPanel: async () => {} });
    expect(bg.call('content:openNote', { noteId: 'n' }, PANEL)).toBeUndefined();
  });
});

describe('previous / next mention', () => {
  it('asks the tab to show the mention and passes its answer back', async () => {
    const bg = await setup({ 1: (m) => ({ ok: true, index: (m as unknown as { index: number }).index % 3, count: 3 }) });
    expect(await bg.call('panel:showMention', { tabId: 1, noteId: 'n', index: 4 })).toEqual({ ok: true, index: 1, count: 3 });
    expect(bg.toTabs.at(-1)).toEqual([1, { type: 'bg:showMention', noteId: 'n', index: 4 }]);
  });
});

describe('saving a note', () => {
  it('returns the saved note, which the panel then lists first', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('Older'));
    const reply = await bg.call('panel:saveNote', note('  Newer ', ['NW']));
    expect(reply).toMatchObject({ ok: true, note: { title: 'Newer', aliases: ['NW'] } });
    const list = await bg.call('panel:listNotes', {});
    expect(list && list.ok && list.notes?.map((n) => n.title)).toEqual(['Newer', 'Older']);
  });

  it('sends the list again only when the notes changed since the version the panel holds', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('Alpha Centauri'));
    const first = await bg.call('panel:listNotes', {});
    if (!first?.ok) throw new Error('no list');
    expect(first.notes).toHaveLength(1);
    expect(await bg.call('panel:listNotes', { known: first.version })).toEqual({ ok: true, version: first.version });
    await bg.call('panel:saveNote', note('Bravo Company'));
    const after = await bg.call('panel:listNotes', { known: first.version });
    expect(after && after.ok && after.version).not.toBe(first.version);
    expect(after && after.ok && after.notes?.map((n) => n.title)).toEqual(['Bravo Company', 'Alpha Centauri']);
  });

  it('makes content scripts see the new note: a new dictionary version, and every tab told', async () => {
    const bg = await setup({ 1: () => ({ ok: true }), 2: () => ({ ok: true }), 3: () => ({ ok: true }) });
    expect(await found(bg, 'Stephen Miller said')).toEqual([]);
    await bg.call('panel:saveNote', note('Stephen Miller'));

    expect(bg.notesChangedTabs().sort()).toEqual([1, 2, 3]);
    expect(await found(bg, 'Stephen Miller said')).toEqual(['Stephen Miller']);
  });

  it('a tab whose page never lets its content script answer does not hold up the panel or a save', async () => {
    // The page's own script hogs its main thread: the message is delivered, no answer ever comes.
    const frozen = () => new Promise<never>(() => {});
    const bg = await setup({ 1: () => ({ ok: true }), 2: frozen }, {}, 30);
    expect(await bg.call('panel:getTabState', { tabId: 2 })).toEqual({ ok: false, error: 'timeout' });
    const saved = await bg.call('panel:saveNote', note('Stephen Miller'));
    expect(saved?.ok).toBe(true);
    expect(bg.notesChangedTabs().sort()).toEqual([1, 2]);
    expect(await found(bg, 'Stephen Miller said')).toEqual(['Stephen Miller']);
  });

  it('"Run anyway" waits for a page that takes longer than a quick reply to match', async () => {
    const slow = () => new Promise((resolve) => setTimeout(() => resolve({ ok: true }), 60));
    const bg = await setup({ 1: slow }, {}, 30);
    expect(await bg.call('panel:runAnyway', { tabId: 1 })).toEqual({ ok: true });
  });

  it('editing a note changes the dictionary too', async () => {
    const bg = await setup();
    const created = await bg.call('panel:saveNote', note('Leavitt'));
    const id = created && created.ok ? created.note.id : 'missing';
    expect(await found(bg, 'Leavitt')).toEqual(['Leavitt']);
    await bg.call('panel:saveNote', { note: { id, title: 'Karoline Leavitt', aliases: ['Leavitt'], body: '' } });
    expect(await found(bg, 'Leavitt')).toEqual(['Karoline Leavitt']);
  });

  it('still succeeds when some tabs have no content script (browser pages)', async () => {
    const bg = await setup({ 1: () => ({ ok: true }), 2: null });
    expect(await bg.call('panel:saveNote', note('A'))).toMatchObject({ ok: true });
    expect(bg.notesChangedTabs().sort()).toEqual([1, 2]);
  });

  it('returns field errors for an empty title, writes nothing and tells no tab', async () => {
    const bg = await setup();
    expect(await bg.call('panel:saveNote', note('   '))).toEqual({ ok: false, errors: [{ field: 'title', message: 'errTitleEmpty' }] });
    expect(await bg.call('panel:saveNote', note('A', [' ']))).toEqual({ ok: false, errors: [{ field: 'aliases', message: 'errAliasEmpty' }] });
    expect(await bg.repo.list()).toEqual([]);
    expect(bg.notesChangedTabs()).toEqual([]);
    expect(await found(bg, 'A')).toEqual([]);
  });
});

describe('deleting every note', () => {
  it('empties the database in one go, tells every tab, and reports how many', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('Alpha Centauri'));
    await bg.call('panel:saveNote', note('Bravo Company'));
    expect(await bg.call('panel:deleteAllNotes', {})).toEqual({ ok: true, deleted: 2 });
    expect(await bg.repo.list()).toEqual([]);
    expect(bg.notesChangedTabs().length).toBeGreaterThanOrEqual(2);
    expect(await found(bg, 'Alpha Centauri')).toEqual([]);
    expect(bg.call('panel:deleteAllNotes', {}, tabSender(1))).toBeUndefined();
  });
});

describe('importing notes', () => {
  const file = (notes: unknown[]) => ({ data: JSON.stringify({ format: 'gloss-notes', version: 1, notes }) });

  it('imports a whole file, reports the counts and tells every tab', async () => {
    const bg = await setup();
    expect(await bg.call('panel:importNotes', file([{ title: 'A', aliases: ['a'] }, { title: 'B', body: 'b' }]))).toEqual({
      ok: true,
      added: 2,
      merged: 0,
      skipped: 0,
    });
    expect((await bg.repo.list()).map((n) => n.title).sort()).toEqual(['A', 'B']);
    expect(bg.notesChangedTabs().sort()).toEqual([1, 2]);
  });

  it('accepts an already-parsed file object as well as text', async () => {
    const bg = await setup();
    const data = { format: 'gloss-notes', version: 1, notes: [{ title: 'A' }] };
    expect(await bg.call('panel:importNotes', { data })).toEqual({ ok: true, added: 1, merged: 0, skipped: 0 });
  });

  it('imports nothing when one note is bad, and names the note and field', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('Existing'));
    const sentBefore = bg.toTabs.length;
    const reply = await bg.call('panel:importNotes', file([{ title: 'Good 1' }, { title: 'Good 2' }, { title: 'Bad', aliases: ['  '] }, { title: 'Good 3' }]));
    expect(reply).toEqual({ ok: false, error: 'notes[2].aliases: An alias cannot be empty or only spaces.' });
    expect((await bg.repo.list()).map((n) => n.title)).toEqual(['Existing']);
    expect(bg.toTabs.length).toBe(sentBefore);
  });

  it('refuses a file that is not a Gloss notes file', async () => {
    const bg = await setup();
    expect(await bg.call('panel:importNotes', { data: '{"hello": 1}' })).toEqual({
      ok: false,
      error: 'Not a Gloss notes file (expected "format": "gloss-notes").',
    });
    expect(await bg.call('panel:importNotes', { data: 'not json' })).toMatchObject({ ok: false, error: expect.stringMatching(/^Not valid JSON/) });
  });

  it('skips notes already there, and tells no tab when nothing was added', async () => {
    const bg = await setup();
    await bg.call('panel:importNotes', file([{ title: 'A' }, { title: 'B' }]));
    const told = bg.notesChangedTabs().length;
    expect(await bg.call('panel:importNotes', file([{ title: 'a' }, { title: 'B' }]))).toEqual({ ok: true, added: 0, merged: 0, skipped: 2 });
    expect(bg.notesChangedTabs().length).toBe(told);
    expect(await bg.repo.list()).toHaveLength(2);
  });
});

describe('a tab reporting its state', () => {
  it('sets the badge to the number of hidden overlays and tells open panels which tab changed', async () => {
    const bg = await setup();
    expect(await bg.call('content:stateChanged', { state: state({ labels: ['Backdrop + box', 'Cookie wall'] }) }, tabSender(4))).toEqual({ ok: true });
    expect(bg.badges).toEqual([[4, '2']]);
    expect(bg.broadcasts).toEqual([{ type: 'bg:tabStateChanged', tabId: 4 }]);
  });

  it('clears the badge when nothing is hidden', async () => {
    const bg = await setup();
    await bg.call('content:stateChanged', { state: state({ labels: [] }) }, tabSender(4));
    expect(bg.badges).toEqual([[4, '']]);
  });

  it('clears the badge once the reader has shown the overlays again', async () => {
    const bg = await setup();
    await bg.call('content:stateChanged', { state: state({ labels: ['Paywall'], shownAgain: true }) }, tabSender(6));
    expect(bg.badges).toEqual([[6, '']]);
    expect(bg.broadcasts).toEqual([{ type: 'bg:tabStateChanged', tabId: 6 }]);
  });

  it('still answers ok when no panel is open to hear the broadcast', async () => {
    const bg = await setup();
    bg.failBroadcasts();
    expect(await bg.call('content:stateChanged', { state: state({ labels: ['x'] }) }, tabSender(2))).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 0));
    expect(bg.badges).toEqual([[2, '1']]);
  });
});

describe('the panel asking about a tab', () => {
  it('forwards getTabState to that tab and returns its answer', async () => {
    const tabState = state({ labels: ['Paywall'] });
    const bg = await setup({ 1: () => ({ ok: true }), 7: (m) => (m.type === 'bg:getState' ? { ok: true, state: tabState } : undefined) });
    expect(await bg.call('panel:getTabState', { tabId: 7 })).toEqual({ ok: true, state: tabState });
    expect(bg.toTabs).toEqual([[7, { type: 'bg:getState' }]]);
  });

  it('gives a Failure for a tab without a content script', async () => {
    const bg = await setup({ 1: null });
    expect(await bg.call('panel:getTabState', { tabId: 1 })).toEqual({ ok: false, error: NO_RECEIVER });
  });

  it('gives a Failure when the content script does not answer', async () => {
    const bg = await setup({ 1: () => undefined });
    expect(await bg.call('panel:getTabState', { tabId: 1 })).toEqual({ ok: false, error: 'no-reply' });
  });

  it('forwards showOverlaysAgain to that tab', async () => {
    const bg = await setup({ 3: () => ({ ok: true }) });
    expect(await bg.call('panel:showOverlaysAgain', { tabId: 3 })).toEqual({ ok: true });
    expect(bg.toTabs).toEqual([[3, { type: 'bg:showOverlaysAgain' }]]);
  });

  it('gives a Failure when showing overlays again on a tab without a content script', async () => {
    const bg = await setup({ 3: null });
    expect(await bg.call('panel:showOverlaysAgain', { tabId: 3 })).toEqual({ ok: false, error: NO_RECEIVER });
  });
});

describe('senders that may not ask', () => {
  it('a web page cannot read or change the notes through a content script', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('Private', [], 'private body'));
    expect(bg.call('panel:listNotes', {}, tabSender(1))).toBeUndefined();
    expect(bg.call('panel:saveNote', note('Injected'), tabSender(1))).toBeUndefined();
    expect(bg.call('panel:importNotes', { data: {} }, tabSender(1))).toBeUndefined();
    expect((await bg.repo.list()).map((n) => n.title)).toEqual(['Private']);
  });

  it('another extension gets no answer', async () => {
    const bg = await setup();
    expect(bg.call('content:matchTexts', { texts: ['x'] }, { id: 'other', url: 'https://x.example/', tab: { id: 1 } })).toBeUndefined();
    expect(bg.call('panel:listNotes', {}, { id: 'other', url: 'chrome-extension://other/panel.html' })).toBeUndefined();
  });

  it('an extension page cannot pretend to be a tab', async () => {
    const bg = await setup();
    expect(bg.call('content:stateChanged', { state: state({ labels: ['x'] }) }, PANEL)).toBeUndefined();
    expect(bg.badges).toEqual([]);
  });
});

/** An in-memory storage.local. */
export function memoryArea(): StorageArea {
  const data: Record<string, unknown> = {};
  return {
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

describe('settings', () => {
  it("gives a content script the switches of its own site, taken from the sender, not the message", async () => {
    const bg = await setup();
    await bg.call('panel:updateSettings', { site: 'news.example', sitePatch: { overlays: false } });
    const forced = { type: 'content:getSettings', site: 'other.example' } as unknown as Request<'content:getSettings'>;
    expect(await bg.call('content:getSettings', forced, tabSender(1))).toEqual({
      ok: true,
      settings: { overlays: false, highlights: true, highlightColor: 'yellow', rules: '' },
    });
    const elsewhere: SenderInfo = { id: ID, url: 'https://other.example/a', tab: { id: 2, windowId: 1 } };
    expect(await bg.call('content:getSettings', {}, elsewhere)).toEqual({ ok: true, settings: { overlays: true, highlights: true, highlightColor: 'yellow', rules: '' } });
  });

  it('persists a change, returns the new settings and tells every tab to apply it', async () => {
    const bg = await setup();
    const reply = await bg.call('panel:updateSettings', { global: { highlights: false }, site: 'a.example', sitePatch: { overlays: false } });
    expect(reply).toEqual({ ok: true, settings: { overlays: true, highlights: false, highlightColor: 'yellow', sites: { 'a.example': { overlays: false } } } });
    expect(await bg.call('panel:getSettings', {})).toEqual(reply);
    const told = bg.toTabs.filter(([, m]) => (m as { type: string }).type === 'bg:settingsChanged').map(([id]) => id);
    expect(told.sort()).toEqual([1, 2]);
  });

  it('stores a known highlight colour and ignores anything else', async () => {
    const bg = await setup();
    const colour = await bg.call('panel:updateSettings', { global: { highlightColor: 'pink' } });
    expect(colour).toMatchObject({ ok: true, settings: { highlightColor: 'pink' } });
    // An unknown colour is ignored, not stored.
    const bad = await bg.call('panel:updateSettings', { global: { highlightColor: 'url(x)' as 'pink' } });
    expect(bad).toMatchObject({ ok: true, settings: { highlightColor: 'pink' } });
  });

  it('refuses settings changes from a content script', async () => {
    const bg = await setup();
    expect(bg.call('panel:updateSettings', { global: { overlays: false } }, tabSender(1))).toBeUndefined();
    expect(await bg.call('panel:getSettings', {})).toMatchObject({ ok: true, settings: { overlays: true } });
  });
});

describe('10,000 notes: export, delete all, import', () => {
  /** Varied, deterministic notes: accents, RTL and CJK text, Markdown, several aliases, tags and sources. */
  function manyNotes(n: number) {
    const scripts = ['Nicolás Maduro', 'القاهرة', '東京都', 'Zürich Straße', 'O’Brien — “quoted”'];
    return Array.from({ length: n }, (_, i) => ({
      title: `${scripts[i % scripts.length]} ${i}`,
      aliases: i % 3 ? [`Alias ${i}`, `Other name ${i}`] : [],
      tags: i % 4 ? [`tag-${i % 17}`] : [],
      sources: i % 5 ? [{ url: `https://source.example/${i}?q=a&b=${i}`, title: `Source ${i}` }] : [],
      body: `# Note ${i}\n\n*Emphasis*, a [link](https://example.com/${i}) and <b>markup</b> kept as text.\n${'Long line. '.repeat(i % 40)}`,
      createdAt: 1_600_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i * 7,
    }));
  }

  /** What a reader would compare: every exported field, in a stable order. */
  const exported = (notes: Note[]) => toNotesFile(notes).notes.sort((a, b) => a.title.localeCompare(b.title));

  it.each(['json', 'zip'] as const)('the %s export brings back identical data after deleting everything', async (kind) => {
    const bg = await setup();
    const imported = await bg.call('panel:importNotes', { data: JSON.stringify({ format: 'gloss-notes', version: 2, notes: manyNotes(10_000) }) });
    expect(imported).toEqual({ ok: true, added: 10_000, merged: 0, skipped: 0 });
    const reply = await bg.call('panel:listNotes', {});
    const before = reply?.ok && 'notes' in reply ? reply.notes : undefined;
    if (!before) throw new Error('could not list the notes');
    expect(before).toHaveLength(10_000);

    // The panel's own export and import code paths (components/notes/files.ts).
    const blob = kind === 'json' ? exportJson(before) : exportZip(before);
    const file = new File([await blob.arrayBuffer()], exportName(new Date(), kind));
    expect(await bg.call('panel:deleteAllNotes', {})).toEqual({ ok: true, deleted: 10_000 });
    expect(await bg.repo.list()).toEqual([]);

    const read = await readImportFile(file);
    if (!read.ok) throw new Error(read.error);
    expect(await bg.call('panel:importNotes', { data: read.data })).toEqual({ ok: true, added: 10_000, merged: 0, skipped: 0 });
    expect(exported(await bg.repo.list())).toEqual(exported(before));
  }, 120_000);
});
