/**
 * The message contract between Gloss's contexts: which messages are accepted, what the router
 * does with everything else, and how failures travel back as `{ok: false}` instead of throwing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  STORAGE_FULL,
  isQuotaError,
  createRouter,
  isOk,
  parseMessage,
  send,
  SHAPES_TO_BACKGROUND,
  SHAPES_TO_CONTENT,
  SHAPES_TO_PANEL,
  storageError,
  type Failure,
  type Handlers,
  type MessageType,
  type PanelToBackground,
  type SenderInfo,
  type TabState,
} from '../../lib/messaging';

const STATE: TabState = {
  url: 'https://example.com/news/1',
  article: { isArticle: true, title: 'Headline', siteName: 'Example', lang: 'en', reason: 'jsonld:NewsArticle' },
  overlays: { labels: ['Subscription notice'], shownAgain: false, enabled: true },
  mentions: [{ noteId: 'n1', count: 2 }],
};

/** One well-formed message of every type in the contract. */
const VALID: { [K in MessageType]: unknown } = {
  'content:matchTexts': { type: 'content:matchTexts', texts: ['Some text'] },
  'content:openNote': { type: 'content:openNote', noteId: 'n1' },
  'panel:showMention': { type: 'panel:showMention', tabId: 1, noteId: 'n1', index: 0 },
  'panel:takeRequest': { type: 'panel:takeRequest', tabId: 1 },
  'bg:showMention': { type: 'bg:showMention', noteId: 'n1', index: -1 },
  'bg:panelRequest': { type: 'bg:panelRequest', tabId: 1, request: { kind: 'new', title: 'Sinaloa', source: { url: 'https://a.example/' } } },
  'content:stateChanged': { type: 'content:stateChanged', state: STATE },
  'panel:getTabState': { type: 'panel:getTabState', tabId: 3 },
  'panel:showOverlaysAgain': { type: 'panel:showOverlaysAgain', tabId: 0 },
  'panel:listNotes': { type: 'panel:listNotes' },
  'panel:saveNote': { type: 'panel:saveNote', note: { title: 'A', aliases: [], body: '' } },
  'panel:importNotes': { type: 'panel:importNotes', data: '{"format":"gloss-notes"}' },
  'panel:deleteNote': { type: 'panel:deleteNote', id: 'n1' },
  'panel:deleteAllNotes': { type: 'panel:deleteAllNotes' },
  'panel:restoreNote': {
    type: 'panel:restoreNote',
    note: { id: 'n1', title: 'A', aliases: [], body: '', tags: [], sources: [], seen: [], createdAt: 1, updatedAt: 2 },
  },
  'bg:getState': { type: 'bg:getState' },
  'bg:showOverlaysAgain': { type: 'bg:showOverlaysAgain' },
  'bg:notesChanged': { type: 'bg:notesChanged' },
  'bg:tabStateChanged': { type: 'bg:tabStateChanged', tabId: 7 },
  'content:getSettings': { type: 'content:getSettings' },
  'panel:getSettings': { type: 'panel:getSettings' },
  'panel:updateSettings': { type: 'panel:updateSettings', site: 'example.com', sitePatch: { overlays: false } },
  'bg:settingsChanged': { type: 'bg:settingsChanged' },
  'panel:runAnyway': { type: 'panel:runAnyway', tabId: 4 },
  'bg:runAnyway': { type: 'bg:runAnyway' },
};

describe('parseMessage', () => {
  it.each(Object.entries(VALID))('accepts a well-formed %s message as it is', (_, msg) => {
    expect(parseMessage(msg)).toBe(msg);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'panel:listNotes'],
    ['a number', 42],
    ['a boolean', true],
    ['a list', ['panel:listNotes']],
    ['a function', () => 'panel:listNotes'],
  ])('refuses %s', (_, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it.each([
    ['no type', { tabId: 1 }],
    ['a type that is not text', { type: 1 }],
    ['an unknown type', { type: 'panel:deleteEverything' }],
    ['a type differing only in case', { type: 'PANEL:listNotes' }],
    ['the name of an Object method', { type: 'toString' }],
    ['the name of an Object method', { type: 'hasOwnProperty' }],
    ['"__proto__"', JSON.parse('{"type": "__proto__"}')],
    ['"constructor"', { type: 'constructor' }],
  ])('refuses a message with %s', (_, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it.each([
    ['panel:getTabState', 'no tabId', {}],
    ['panel:getTabState', 'a tabId given as text', { tabId: '3' }],
    ['panel:getTabState', 'a negative tabId', { tabId: -1 }],
    ['panel:getTabState', 'a fractional tabId', { tabId: 1.5 }],
    ['panel:getTabState', 'a NaN tabId', { tabId: NaN }],
    ['panel:showOverlaysAgain', 'no tabId', {}],
    ['bg:tabStateChanged', 'a tabId of null', { tabId: null }],
    ['content:stateChanged', 'no state', {}],
    ['content:stateChanged', 'a state without overlays', { state: { ...STATE, overlays: undefined } }],
    ['content:stateChanged', 'a state whose labels are not a list', { state: { ...STATE, overlays: { labels: 'x', shownAgain: false } } }],
    ['content:stateChanged', 'a state without mentions', { state: { ...STATE, mentions: undefined } }],
    ['content:stateChanged', 'a byline that is not text', { state: { ...STATE, article: { ...STATE.article, byline: { html: '<b>' } } } }],
    ['content:stateChanged', 'a publication time that is not text', { state: { ...STATE, article: { ...STATE.article, published: 20251120 } } }],
    ['content:stateChanged', 'a state whose url is not text', { state: { ...STATE, url: 1 } }],
    ['content:stateChanged', 'an article without isArticle', { state: { ...STATE, article: { title: 'x' } } }],
    ['panel:saveNote', 'no note', {}],
    ['panel:saveNote', 'a note without a title', { note: { aliases: [], body: '' } }],
    ['panel:saveNote', 'a note whose title is not text', { note: { title: 1, aliases: [], body: '' } }],
    ['panel:saveNote', 'a note whose aliases are not a list', { note: { title: 'A', aliases: 'B', body: '' } }],
    ['panel:importNotes', 'no data field', {}],
    ['panel:importNotes', 'an unknown duplicate policy', { data: '', onDuplicate: 'overwrite' }],
    ['panel:saveNote', 'a base version that is not a number', { note: { title: 'A', aliases: [], body: '' }, baseUpdatedAt: '5' }],
    ['panel:deleteNote', 'no id', {}],
    ['panel:deleteNote', 'an empty id', { id: '' }],
    ['panel:restoreNote', 'no note', {}],
    ['panel:restoreNote', 'a note without an id', { note: { title: 'A', aliases: [], body: '', tags: [], sources: [], seen: [], createdAt: 1, updatedAt: 1 } }],
    ['panel:restoreNote', 'a note without times', { note: { id: 'x', title: 'A', aliases: [], body: '', tags: [], sources: [], seen: [] } }],
  ])('refuses %s with %s', (type, _, fields) => {
    expect(parseMessage({ type, ...fields })).toBeNull();
  });

  it('accepts an import whose data is present but empty (the file parser reports that)', () => {
    expect(parseMessage({ type: 'panel:importNotes', data: undefined })).not.toBeNull();
  });
});

const EXT = 'chrome-extension://gloss/';
const PANEL: SenderInfo = { id: 'gloss', url: `${EXT}sidepanel.html` };

function recorder() {
  const warnings: unknown[][] = [];
  return { warnings, warn: (...args: unknown[]) => void warnings.push(args) };
}

describe('shape tables by receiving context', () => {
  it('check every message type exactly once, each in the table of the context that receives it', () => {
    const tables = { background: SHAPES_TO_BACKGROUND, content: SHAPES_TO_CONTENT, panel: SHAPES_TO_PANEL };
    const types = Object.values(tables).flatMap((t) => Object.keys(t));
    expect(new Set(types).size).toBe(types.length);
    expect(types.sort()).toEqual(Object.keys(VALID).sort());
    for (const type of Object.keys(SHAPES_TO_CONTENT)) expect(type.startsWith('bg:')).toBe(true);
    for (const type of Object.keys(SHAPES_TO_BACKGROUND)) expect(/^(content|panel):/.test(type)).toBe(true);
  });

  it("a content script's router knows only what the background sends it", () => {
    const log = recorder();
    const route = createRouter({ 'bg:getState': () => ({ ok: true, state: STATE }) }, { shapes: SHAPES_TO_CONTENT, accept: () => true, warn: log.warn });
    // Deleting notes, or a tab's state: never a content script's business, whoever asks.
    expect(route({ type: 'panel:deleteAllNotes' }, PANEL)).toBeUndefined();
    expect(route({ type: 'content:stateChanged', state: STATE }, PANEL)).toBeUndefined();
    expect(route({ type: 'bg:showMention', noteId: '', index: 0 }, PANEL)).toBeUndefined(); // bad shape
    expect(log.warnings).toHaveLength(3);
  });
});

describe('createRouter', () => {
  let errors: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    // The router logs handler failures with console.error; keep the test output clean and check it.
    errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => errors.mockRestore());

  it('passes an accepted message and its sender to the handler and replies with its result', async () => {
    const seen: [unknown, SenderInfo][] = [];
    const route = createRouter<PanelToBackground>(
      {
        'panel:getTabState': (msg, sender) => {
          seen.push([msg, sender]);
          return { ok: false, error: 'not this time' };
        },
      },
      { shapes: SHAPES_TO_BACKGROUND, accept: () => true, warn: recorder().warn },
    );
    const msg = { type: 'panel:getTabState', tabId: 4 };
    await expect(route(msg, PANEL)).resolves.toEqual({ ok: false, error: 'not this time' });
    expect(seen).toEqual([[msg, PANEL]]);
  });

  it('waits for an async handler', async () => {
    const route = createRouter<PanelToBackground>(
      { 'panel:listNotes': async () => ({ ok: true, version: 'v', notes: [] }) },
      { shapes: SHAPES_TO_BACKGROUND, accept: () => true },
    );
    await expect(route({ type: 'panel:listNotes' }, PANEL)).resolves.toEqual({ ok: true, version: 'v', notes: [] });
  });

  it('asks accept() with the message type and the sender', async () => {
    const asked: [MessageType, SenderInfo][] = [];
    const route = createRouter<PanelToBackground>(
      { 'panel:listNotes': () => ({ ok: true, version: 'v', notes: [] }) },
      { shapes: SHAPES_TO_BACKGROUND, accept: (type, sender) => (asked.push([type, sender]), true) },
    );
    await route({ type: 'panel:listNotes' }, PANEL);
    expect(asked).toEqual([['panel:listNotes', PANEL]]);
  });

  describe('messages it drops', () => {
    const handler = vi.fn(() => ({ ok: true as const, version: 'v', notes: [] }));
    const handlers: Handlers<PanelToBackground> = { 'panel:listNotes': handler };
    beforeEach(() => handler.mockClear());

    it.each([
      ['an unknown type', { type: 'panel:eraseAll' }],
      ['a bad shape', { type: 'panel:getTabState', tabId: 'one' }],
      ['a non-object', 'panel:listNotes'],
      ['nothing', undefined],
    ])('ignores %s with a warning and no reply', (_, raw) => {
      const log = recorder();
      const route = createRouter(handlers, { shapes: SHAPES_TO_BACKGROUND, accept: () => true, warn: log.warn });
      expect(route(raw, PANEL)).toBeUndefined();
      expect(log.warnings).toEqual([['Gloss: ignored a message of unknown type or bad shape', raw]]);
      expect(handler).not.toHaveBeenCalled();
    });

    it('ignores a valid message it has no handler for silently (no reply, no warning)', () => {
      const log = recorder();
      const route = createRouter<PanelToBackground>({ 'panel:getTabState': () => ({ ok: false, error: 'x' }) }, { shapes: SHAPES_TO_BACKGROUND, accept: () => true, warn: log.warn });
      expect(route({ type: 'panel:listNotes' }, PANEL)).toBeUndefined();
      expect(route({ type: 'content:stateChanged', state: STATE }, { id: 'gloss', url: 'https://a.example/', tab: { id: 2 } })).toBeUndefined();
      expect(log.warnings).toEqual([]);
    });

    it('still warns about an unknown type in a context with no handlers at all', () => {
      const log = recorder();
      const route = createRouter({}, { shapes: SHAPES_TO_BACKGROUND, accept: () => true, warn: log.warn });
      expect(route({ type: 'panel:listNotes' }, PANEL)).toBeUndefined();
      expect(route({ type: 'nope' }, PANEL)).toBeUndefined();
      expect(log.warnings).toHaveLength(1);
    });

    it('refuses a sender that may not send this type, with a warning naming it, and does not run the handler', () => {
      const log = recorder();
      const route = createRouter(handlers, { shapes: SHAPES_TO_BACKGROUND, accept: () => false, warn: log.warn });
      expect(route({ type: 'panel:listNotes' }, { id: 'gloss', url: 'https://evil.example/', tab: { id: 9 } })).toBeUndefined();
      expect(route({ type: 'panel:listNotes' }, {})).toBeUndefined();
      expect(log.warnings).toEqual([
        ['Gloss: refused panel:listNotes from', 'https://evil.example/'],
        ['Gloss: refused panel:listNotes from', 'unknown sender'],
      ]);
      expect(handler).not.toHaveBeenCalled();
    });
  });

  describe('handler failures', () => {
    const routeWith = (h: () => unknown) =>
      createRouter<PanelToBackground>({ 'panel:listNotes': h as never }, { shapes: SHAPES_TO_BACKGROUND, accept: () => true, warn: recorder().warn, errorOf: storageError });

    it('turns a handler that throws into a Failure reply, without throwing itself', async () => {
      const route = routeWith(() => {
        throw new Error('database is closed');
      });
      let reply: Promise<unknown> | undefined;
      expect(() => (reply = route({ type: 'panel:listNotes' }, PANEL))).not.toThrow();
      await expect(reply).resolves.toEqual({ ok: false, error: 'database is closed' });
      expect(errors).toHaveBeenCalledOnce();
    });

    it('turns a handler that rejects into a Failure reply', async () => {
      const route = routeWith(async () => {
        throw new Error('quota exceeded');
      });
      await expect(route({ type: 'panel:listNotes' }, PANEL)).resolves.toEqual({ ok: false, error: 'quota exceeded' });
    });

    it('reports a full storage as the storage-full code, from the request or from the aborted transaction', async () => {
      const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      await expect(routeWith(async () => Promise.reject(quota))({ type: 'panel:listNotes' }, PANEL)).resolves.toEqual({
        ok: false,
        error: STORAGE_FULL,
      });
      const aborted = new Error('Transaction aborted', { cause: quota });
      await expect(routeWith(() => Promise.reject(aborted))({ type: 'panel:listNotes' }, PANEL)).resolves.toEqual({ ok: false, error: STORAGE_FULL });
      expect(isQuotaError(new DOMException('gone', 'AbortError'))).toBe(false);
    });

    it("without the background's storageError, a full storage is its message (content scripts write no storage)", async () => {
      const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      const route = createRouter<PanelToBackground>({ 'panel:listNotes': () => Promise.reject(quota) }, { shapes: SHAPES_TO_BACKGROUND, accept: () => true });
      await expect(route({ type: 'panel:listNotes' }, PANEL)).resolves.toEqual({ ok: false, error: 'The quota has been exceeded.' });
    });

    it('turns a thrown non-Error into a Failure with its text', async () => {
      const route = routeWith(() => Promise.reject('gone'));
      await expect(route({ type: 'panel:listNotes' }, PANEL)).resolves.toEqual({ ok: false, error: 'gone' });
    });
  });
});

describe('send', () => {
  it('sends the request with its type and returns the reply', async () => {
    const sent: unknown[] = [];
    const reply = await send(
      async (m) => (sent.push(m), { ok: true, notes: [] }),
      'panel:getTabState',
      { tabId: 5 },
    );
    expect(sent).toEqual([{ type: 'panel:getTabState', tabId: 5 }]);
    expect(reply).toEqual({ ok: true, notes: [] });
  });

  it('turns a transport rejection (nobody listening) into a Failure', async () => {
    const reply = await send(
      () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      'bg:getState',
      {},
    );
    expect(reply).toEqual({ ok: false, error: 'Could not establish connection. Receiving end does not exist.' });
  });

  it('turns a transport that throws synchronously into a Failure', async () => {
    const reply = await send(
      () => {
        throw new TypeError('sendMessage is not a function');
      },
      'bg:getState',
      {},
    );
    expect(reply).toEqual({ ok: false, error: 'sendMessage is not a function' });
  });

  it('turns a rejection with a non-Error into a Failure with its text', async () => {
    expect(await send(() => Promise.reject('closed'), 'bg:getState', {})).toEqual({ ok: false, error: 'closed' });
  });

  it('turns an empty reply (no listener answered) into a Failure', async () => {
    expect(await send(async () => undefined, 'panel:listNotes', {})).toEqual({ ok: false, error: 'no-reply' });
  });

  it('passes a Failure reply through unchanged', async () => {
    const failure: Failure = { ok: false, error: 'no content script' };
    expect(await send(async () => failure, 'panel:getTabState', { tabId: 1 })).toEqual(failure);
  });

  it('with a deadline, a reply that never comes is the Failure "timeout"; one in time is the reply', async () => {
    expect(await send(() => new Promise(() => {}), 'bg:getState', {}, 20)).toEqual({ ok: false, error: 'timeout' });
    const late = (ms: number) => () => new Promise((r) => setTimeout(() => r({ ok: true }), ms));
    expect(await send(late(5), 'bg:notesChanged', {}, 1000)).toEqual({ ok: true });
  });
});

describe('send through a router', () => {
  const handlers: Handlers<PanelToBackground> = { 'panel:getTabState': ({ tabId }) => ({ ok: true, state: { ...STATE, url: `tab ${tabId}` } }) };

  it('gets the handler reply for an accepted message', async () => {
    const route = createRouter(handlers, { shapes: SHAPES_TO_BACKGROUND, accept: () => true });
    const reply = await send(async (m) => route(m, PANEL), 'panel:getTabState', { tabId: 8 });
    expect(isOk(reply) && reply.state.url).toBe('tab 8');
  });

  it('gets a Failure, not a hang or an exception, when the router drops the message', async () => {
    const log = recorder();
    const route = createRouter(handlers, { shapes: SHAPES_TO_BACKGROUND, accept: () => false, warn: log.warn });
    expect(await send(async (m) => route(m, PANEL), 'panel:getTabState', { tabId: 8 })).toEqual({ ok: false, error: 'no-reply' });
    expect(log.warnings).toHaveLength(1);
  });
});

describe('isOk', () => {
  it('is true only for replies that succeeded', () => {
    expect(isOk({ ok: true })).toBe(true);
    expect(isOk({ ok: false, error: 'x' })).toBe(false);
    expect(isOk({ ok: false, errors: [{ field: 'title', message: 'errTitleEmpty' }] })).toBe(false);
    expect(isOk(undefined)).toBe(false);
  });
});
