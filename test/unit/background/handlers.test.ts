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
import { createRouter, type Response, type SenderInfo, type TabState, type MessageType, type Request } from '../../../lib/messaging';
import { createNotesRepo, openNotesDb, type NotesRepo } from '../../../lib/notes';

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
async function setup(tabs: Record<number, ((msg: { type: string }) => unknown) | null> = { 1: () => ({ ok: true }), 2: () => ({ ok: true }) }) {
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
  });
  const route = createRouter(handlers, { accept: acceptSender(ID, ORIGIN), warn: () => {} });

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

describe('the dictionary sent to content scripts', () => {
  it('is empty, at version 0, before any note exists', async () => {
    const bg = await setup();
    expect(await bg.call('content:getDictionary', {}, tabSender(1))).toEqual({ ok: true, version: 0, entries: [] });
  });

  it('contains every note title and alias but never a note body', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('Karoline Leavitt', ['Leavitt'], 'SECRET-BODY-1: press secretary'));
    await bg.call('panel:saveNote', note('White House', ['Casa Blanca', 'WH'], 'SECRET-BODY-2'));

    const reply = await bg.call('content:getDictionary', {}, tabSender(1));
    expect(reply).toMatchObject({ ok: true });
    if (!reply || !reply.ok) return;
    expect(reply.entries).toEqual([
      { noteId: 'note-2', title: 'White House', aliases: ['Casa Blanca', 'WH'] },
      { noteId: 'note-1', title: 'Karoline Leavitt', aliases: ['Leavitt'] },
    ]);
    for (const entry of reply.entries) expect(Object.keys(entry).sort()).toEqual(['aliases', 'noteId', 'title']);
    expect(JSON.stringify(reply)).not.toContain('SECRET-BODY');
  });

  it('is built once and reused while the notes do not change', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('A'));
    const first = await bg.call('content:getDictionary', {}, tabSender(1));
    const second = await bg.call('content:getDictionary', {}, tabSender(2));
    expect(second).toEqual(first);
    expect(bg.listCalls()).toBe(1);
  });

  it('includes a note saved while it was being built', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('A'));
    const [, saved] = await Promise.all([
      bg.call('content:getDictionary', {}, tabSender(1)),
      bg.call('panel:saveNote', note('B')),
    ]);
    expect(saved).toMatchObject({ ok: true });
    const after = await bg.call('content:getDictionary', {}, tabSender(1));
    expect(after && after.ok && after.entries.map((e) => e.title).sort()).toEqual(['A', 'B']);
  });
});

describe('saving a note', () => {
  it('returns the saved note, which the panel then lists first', async () => {
    const bg = await setup();
    await bg.call('panel:saveNote', note('Older'));
    const reply = await bg.call('panel:saveNote', note('  Newer ', ['N']));
    expect(reply).toMatchObject({ ok: true, note: { title: 'Newer', aliases: ['N'] } });
    const list = await bg.call('panel:listNotes', {});
    expect(list && list.ok && list.notes.map((n) => n.title)).toEqual(['Newer', 'Older']);
  });

  it('makes content scripts see the new note: a new dictionary version, and every tab told', async () => {
    const bg = await setup({ 1: () => ({ ok: true }), 2: () => ({ ok: true }), 3: () => ({ ok: true }) });
    const before = await bg.call('content:getDictionary', {}, tabSender(1));
    await bg.call('panel:saveNote', note('Stephen Miller'));

    expect(bg.notesChangedTabs().sort()).toEqual([1, 2, 3]);
    const after = await bg.call('content:getDictionary', {}, tabSender(1));
    expect(after && after.ok && after.version).toBeGreaterThan(before && before.ok ? before.version : Infinity);
    expect(after && after.ok && after.entries.map((e) => e.title)).toEqual(['Stephen Miller']);
  });

  it('editing a note changes the dictionary too', async () => {
    const bg = await setup();
    const created = await bg.call('panel:saveNote', note('Leavitt'));
    const id = created && created.ok ? created.note.id : 'missing';
    await bg.call('content:getDictionary', {}, tabSender(1));
    await bg.call('panel:saveNote', { note: { id, title: 'Karoline Leavitt', aliases: ['Leavitt'], body: '' } });
    const dict = await bg.call('content:getDictionary', {}, tabSender(1));
    expect(dict && dict.ok && dict.entries).toEqual([{ noteId: id, title: 'Karoline Leavitt', aliases: ['Leavitt'] }]);
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
    expect(await bg.call('content:getDictionary', {}, tabSender(1))).toEqual({ ok: true, version: 0, entries: [] });
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
    const dict = await bg.call('content:getDictionary', {}, tabSender(1));
    expect(dict && dict.ok && dict.entries.length).toBe(2);
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
    expect(bg.call('content:getDictionary', {}, { id: 'other', url: 'https://x.example/', tab: { id: 1 } })).toBeUndefined();
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
      settings: { overlays: false, highlights: true, rules: '' },
    });
    const elsewhere: SenderInfo = { id: ID, url: 'https://other.example/a', tab: { id: 2, windowId: 1 } };
    expect(await bg.call('content:getSettings', {}, elsewhere)).toEqual({ ok: true, settings: { overlays: true, highlights: true, rules: '' } });
  });

  it('persists a change, returns the new settings and tells every tab to apply it', async () => {
    const bg = await setup();
    const reply = await bg.call('panel:updateSettings', { global: { highlights: false }, site: 'a.example', sitePatch: { overlays: false } });
    expect(reply).toEqual({ ok: true, settings: { overlays: true, highlights: false, sites: { 'a.example': { overlays: false } } } });
    expect(await bg.call('panel:getSettings', {})).toEqual(reply);
    const told = bg.toTabs.filter(([, m]) => (m as { type: string }).type === 'bg:settingsChanged').map(([id]) => id);
    expect(told.sort()).toEqual([1, 2]);
  });

  it('refuses settings changes from a content script', async () => {
    const bg = await setup();
    expect(bg.call('panel:updateSettings', { global: { overlays: false } }, tabSender(1))).toBeUndefined();
    expect(await bg.call('panel:getSettings', {})).toMatchObject({ ok: true, settings: { overlays: true } });
  });
});
