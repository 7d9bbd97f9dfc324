/**
 * The content script on pages it should leave alone (no <body>, a frameset, a huge DOM, an
 * ordinary home page) and on a real article; plus startContent's message listener. happy-dom has
 * no layout, so this is about not throwing, not touching the page, and what is reported.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startContent } from '../../../lib/content/start';
import { contentRuntime, type NativeRuntime } from '../../../lib/platform/runtime';
import { startPage, type PipelineDeps } from '../../../lib/content/pipeline';
import type { ContentToBackground, Request, Response, TabState } from '../../../lib/messaging';
import { compileDictionary, matcherFromCompiled, type DictEntry } from '../../../lib/terms';
import { matchTexts } from '../../../lib/terms/remote';
import { suggestFromText, type PageText } from '../../../lib/terms/discover';
import { aliasKeysOf } from '../../../lib/notes/schema';

const tick = (ms = 0) => new Promise<void>((r) => setTimeout(r, ms));
/** Longer than the overlay guard's mutation batching (50 ms), so anything it would do is done. */
const AFTER_BATCH = 80;

type Sent = { type: keyof ContentToBackground; request: unknown };

/**
 * A fake background: records what the content script sends and matches texts against `entries`
 * the way the real one does (compiled dictionary, titles of the notes found).
 */
function backgroundMatch(entries: DictEntry[], request: unknown) {
  const m = matcherFromCompiled(compileDictionary(entries));
  const { texts, discover } = request as { texts: string[]; discover?: { page: PageText; lang: string } };
  const matches = matchTexts(m, texts);
  const keys = new Set(entries.flatMap((e) => aliasKeysOf(e)));
  const suggestions = discover ? suggestFromText(discover.page, { lang: discover.lang, exclude: (k) => keys.has(k) }) : undefined;
  return { ok: true, matches, titles: Object.fromEntries(matches.map(([, , , id]) => [id, m.titleOf(id)])), suggestions };
}

function fakeSend(entries: DictEntry[] = []) {
  const sent: Sent[] = [];
  const settings = { overlays: true, highlights: true, highlightColor: 'yellow', rules: '' };
  const send = (<K extends keyof ContentToBackground>(type: K, request: Request<K>): Promise<Response<K>> => {
    sent.push({ type, request: structuredClone(request) });
    const reply =
      type === 'content:matchTexts'
        ? backgroundMatch(entries, request)
        : type === 'content:getSettings'
          ? { ok: true, settings: { ...settings } }
          : { ok: true };
    return Promise.resolve(reply as Response<K>);
  }) as PipelineDeps['send'];
  const reports = () => sent.filter((s) => s.type === 'content:stateChanged').map((s) => (s.request as { state: TabState }).state);
  return { send, sent, reports, settings, setEntries: (e: DictEntry[]) => (entries = e) };
}

const ORIGINAL_HTML = document.documentElement.innerHTML;
const controllers: AbortController[] = [];
function signal() {
  const c = new AbortController();
  controllers.push(c);
  return c;
}

afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  document.documentElement.innerHTML = ORIGINAL_HTML;
  if (!document.body) document.documentElement.append(document.createElement('body'));
  document.head.replaceChildren();
});

/**
 * The whole tree as text without recursion: happy-dom's own outerHTML serializer recurses and
 * overflows the stack on very deep documents.
 */
function fingerprint(doc: Document): string {
  const out: string[] = [];
  const stack: [Node, number][] = [[doc.documentElement, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    const attrs = node instanceof Element ? [...node.attributes].map((a) => `${a.name}=${a.value}`).join(' ') : '';
    out.push(`${depth} ${node.nodeName} ${attrs} ${node.nodeType === Node.ELEMENT_NODE ? '' : node.nodeValue}`);
    const kids = [...node.childNodes];
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, depth + 1]);
  }
  return out.join('\n');
}

const outerHTML = (doc: Document) => doc.documentElement.outerHTML;

/** Runs startPage on `doc` and checks the "leave it alone" contract. */
async function expectUntouched(doc: Document, snapshot: (doc: Document) => string = outerHTML) {
  const before = snapshot(doc);
  const bg = fakeSend([{ noteId: 'n1', title: 'Anything', aliases: [] }]);
  const page = startPage({ doc, win: window, signal: signal().signal, send: bg.send });
  await page.ready;
  expect(snapshot(doc)).toBe(before);
  await tick(AFTER_BATCH);
  expect(snapshot(doc)).toBe(before);

  const reports = bg.reports();
  expect(reports).toHaveLength(1);
  expect(reports[0]!.article.isArticle).toBe(false);
  expect(reports[0]!.mentions).toEqual([]);
  expect(reports[0]!.overlays).toEqual({ labels: [], shownAgain: false, enabled: false });
  // Not an article: no dictionary, no matching, no highlights.
  expect(bg.sent.map((s) => s.type)).toEqual(['content:stateChanged']);

  // The background's messages are still answered sensibly.
  const state = await page.handlers['bg:getState']!({ type: 'bg:getState' }, {});
  expect(state).toMatchObject({ ok: true, state: { article: { isArticle: false } } });
  expect(await page.handlers['bg:notesChanged']!({ type: 'bg:notesChanged' }, {})).toEqual({ ok: true });
  expect(await page.handlers['bg:showOverlaysAgain']!({ type: 'bg:showOverlaysAgain' }, {})).toEqual({ ok: true });
  expect(snapshot(doc)).toBe(before);
  return reports[0]!;
}

describe('startPage on pages that are not articles', () => {
  it('a document whose <body> was removed', async () => {
    document.head.innerHTML = '<title>No body here</title>';
    document.documentElement.removeChild(document.body);
    expect(document.body).toBeNull();
    const state = await expectUntouched(document);
    expect(state.article.reason).toBe('no-body');
  });

  it('a parsed document with only a <head>', async () => {
    const doc = new DOMParser().parseFromString('<html><head><title>Head only</title><meta property="og:type" content="article"></head></html>', 'text/html');
    doc.documentElement.removeChild(doc.body);
    const state = await expectUntouched(doc);
    expect(state.article.reason).toBe('no-body');
    expect(state.url).toBe(doc.location?.href ?? '');
  });

  it('a frameset document', async () => {
    document.head.innerHTML = '<title>Frames</title>';
    const frameset = document.createElement('frameset');
    frameset.setAttribute('cols', '50%,50%');
    for (const src of ['nav.html', 'main.html']) {
      const frame = document.createElement('frame');
      frame.setAttribute('src', src);
      frameset.append(frame);
    }
    document.body.replaceWith(frameset);
    const state = await expectUntouched(document);
    expect(state.article.reason).toBe('frameset');
  });

  it('a page of 50,000 elements', { timeout: 60_000 }, async () => {
    const rows: string[] = [];
    // 12,500 rows of 4 elements each: 50,000 elements in the body.
    for (let i = 0; i < 12_500; i++) rows.push(`<li><a href="/item/${i}"><span>Item</span> <b>${i}</b></a></li>`);
    document.head.innerHTML = '<title>Catalogue</title>';
    document.body.innerHTML = `<ul>${rows.join('')}</ul>`;
    expect(document.body.getElementsByTagName('*').length).toBeGreaterThanOrEqual(50_000);
    await expectUntouched(document);
  });

  it('a deeply nested page (5,000 levels)', { timeout: 30_000 }, async () => {
    let el: Element = document.body;
    for (let i = 0; i < 5_000; i++) el = el.appendChild(document.createElement('div'));
    el.textContent = 'Deep down. '.repeat(50);
    await expectUntouched(document, fingerprint);
  });

  it('an ordinary home page (navigation, teasers, a form)', async () => {
    document.head.innerHTML = '<title>The Example Times — News</title><meta property="og:type" content="website">';
    const teasers = Array.from(
      { length: 8 },
      (_, i) => `<div class="teaser"><h3><a href="/story/${i}">Story number ${i} in today's news</a></h3><p>A one-line summary of story ${i}.</p></div>`,
    ).join('');
    document.body.innerHTML = `
      <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
      <main><h1>Today's news</h1>${teasers}</main>
      <footer><form action="/newsletter"><input name="email" type="email"><button>Sign up</button></form></footer>`;
    const state = await expectUntouched(document);
    expect(state.article.title).toBe('The Example Times — News');
  });

  it('when the reader asks, finds terms on the whole page without changing its DOM', async () => {
    document.head.innerHTML = '<title>Markets</title>';
    document.body.innerHTML = '<nav><a href="/">Home</a></nav><ul><li>Lagarde speaks today</li><li>ECB holds rates</li></ul>';
    const before = document.documentElement.outerHTML;
    const bg = fakeSend([{ noteId: 'lagarde', title: 'Christine Lagarde', aliases: ['Lagarde'] }]);
    const page = startPage({ doc: document, win: window, signal: signal().signal, send: bg.send });
    await page.ready;
    expect(bg.reports().at(-1)!.article.isArticle).toBe(false);
    await page.handlers['bg:runAnyway']!({ type: 'bg:runAnyway' }, {});
    const last = bg.reports().at(-1)!;
    expect(last.article.forced).toBe(true);
    expect(last.mentions).toEqual([{ noteId: 'lagarde', count: 1, title: 'Christine Lagarde' }]);
    expect(last.overlays.labels).toEqual([]);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('a page of prose that is not an article (a product tour): overlays guarded, no terms looked for', async () => {
    document.head.innerHTML = '<title>The Gazette app</title>';
    const sections = ['Designed to be rearranged', 'Tides and ferries', 'Read it later', 'Alerts you choose', 'Easy on the eyes'].map(
      (h, i) => `<section><h2>${h}</h2><p>Feature ${i}: move the sections you read most to the top, hide the ones you never open, and keep it so everywhere.</p></section>`,
    );
    document.body.innerHTML = `<nav><a href="/">Home</a> <a href="/app">App</a></nav><main><h1>Make the news yours</h1>${sections.join('')}</main>`;
    const bg = fakeSend([{ noteId: 'n1', title: 'Gazette', aliases: [] }]);
    const page = startPage({ doc: document, win: window, signal: signal().signal, send: bg.send });
    await page.ready;
    const last = bg.reports().at(-1)!;
    expect(last.article).toMatchObject({ isArticle: false, readable: true });
    expect(last.overlays.enabled).toBe(true);
    expect(last.mentions).toEqual([]);
    // Settings (for the overlay switches), never the dictionary.
    expect(bg.sent.map((s) => s.type)).not.toContain('content:matchTexts');
    expect(bg.sent.map((s) => s.type)).toContain('content:getSettings');
    // Switching overlay hiding off for the site is honoured there too.
    bg.settings.overlays = false;
    await page.handlers['bg:settingsChanged']!({ type: 'bg:settingsChanged' }, {});
    expect(bg.reports().at(-1)!.overlays.enabled).toBe(false);
    expect(bg.sent.map((s) => s.type)).not.toContain('content:matchTexts');
  });

  it('a signal aborted before it starts still reports and does not throw', async () => {
    const c = signal();
    c.abort();
    const bg = fakeSend();
    const page = startPage({ doc: document, win: window, signal: c.signal, send: bg.send });
    await page.ready;
    expect(bg.reports()).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------

const LD = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'Lagarde says the European Central Bank will hold rates',
  datePublished: '2025-03-06T10:00:00Z',
  publisher: { '@type': 'Organization', name: 'The Example Times' },
};

const PARAGRAPHS = [
  'FRANKFURT — The European Central Bank kept its main interest rates unchanged on Thursday, with President Christine Lagarde telling reporters that inflation in the euro area was cooling more slowly than policymakers had hoped at the start of the year.',
  'Speaking after the meeting of the Governing Council, Lagarde said the bank would remain data-dependent and would not commit in advance to a particular path, a message she has repeated at every press conference since the autumn.',
  'Economists had widely expected the decision. Several of them said the ECB was likely to wait for fresh wage figures before moving, and that markets had already priced in a first cut for the summer, once energy prices settle.',
  'The bank also published new staff projections, which showed growth picking up modestly next year. The projections assume that the recent fall in energy prices holds and that wage growth slows from its current pace across the bloc.',
  'Critics of the bank argue that it has kept rates high for too long, hurting investment across the continent. Supporters say it cannot afford to declare victory early after the inflation surge of the past three years.',
];

const DICT: DictEntry[] = [
  { noteId: 'ecb', title: 'European Central Bank', aliases: ['ECB'] },
  { noteId: 'lagarde', title: 'Christine Lagarde', aliases: ['Lagarde'] },
  { noteId: 'absent', title: 'Bank of Japan', aliases: ['BoJ'] },
];

function buildArticle() {
  document.title = 'Lagarde says the European Central Bank will hold rates | The Example Times';
  document.head.innerHTML = `
    <title>Lagarde says the European Central Bank will hold rates | The Example Times</title>
    <meta property="og:site_name" content="The Example Times">
    <script type="application/ld+json">${JSON.stringify(LD)}</script>`;
  document.body.innerHTML = `
    <header><nav><a href="/">Home</a> <a href="/business">Business</a></nav></header>
    <main>
      <article>
        <h1>Lagarde says the European Central Bank will hold rates</h1>
        <p class="byline">By A. Reporter</p>
        ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
      </article>
    </main>
    <footer><p>© The Example Times</p></footer>`;
}

type FakeHighlightRegistry = Map<string, Set<Range>>;

/**
 * happy-dom has no CSS Custom Highlight API: install a minimal one on the window for a test.
 * (happy-dom's window.CSS is a getter returning a fresh object, so CSS itself is replaced.)
 */
const CSS_DESCRIPTOR = Object.getOwnPropertyDescriptor(window, 'CSS');

function installHighlights(): FakeHighlightRegistry {
  const registry: FakeHighlightRegistry = new Map();
  const css = { ...(window as unknown as { CSS: object }).CSS, highlights: registry };
  Object.defineProperty(window, 'CSS', { value: css, configurable: true, writable: true });
  Object.defineProperty(window, 'Highlight', { value: class extends Set<Range> {}, configurable: true, writable: true });
  return registry;
}

function removeHighlights() {
  if (CSS_DESCRIPTOR) Object.defineProperty(window, 'CSS', CSS_DESCRIPTOR);
  delete (window as unknown as { Highlight?: unknown }).Highlight;
}

describe('startPage on an article', () => {
  beforeEach(buildArticle);
  afterEach(removeHighlights);

  it('reports the article and the mentions of noted terms with their counts, in order of first mention', async () => {
    const before = document.documentElement.outerHTML;
    const bg = fakeSend(DICT);
    const page = startPage({ doc: document, win: window, signal: signal().signal, send: bg.send });
    await page.ready;

    expect(bg.sent[0]).toEqual({ type: 'content:getSettings', request: {} });
    expect(bg.sent[1]!.type).toBe('content:matchTexts');
    // Only the article's text goes to the background: no navigation, no footer.
    const texts = (bg.sent[1]!.request as { texts: string[] }).texts.join(' ');
    expect(texts).toContain('Lagarde');
    const last = bg.reports().at(-1)!;
    expect(last.article).toMatchObject({ isArticle: true, title: LD.headline, siteName: 'The Example Times', reason: 'jsonld:NewsArticle' });
    // Headline: Lagarde, European Central Bank. Body: European Central Bank, Christine Lagarde,
    // Lagarde, ECB. "Bank of Japan" is not on the page.
    expect(last.mentions).toEqual([
      { noteId: 'lagarde', count: 3, title: 'Christine Lagarde' },
      { noteId: 'ecb', count: 3, title: 'European Central Bank' },
    ]);
    const state = await page.handlers['bg:getState']!({ type: 'bg:getState' }, {});
    expect(state).toEqual({ ok: true, state: last });

    // Highlighting never changes the page's DOM.
    expect(document.documentElement.outerHTML).toBe(before);
    await tick(AFTER_BATCH);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('reports names without a note as suggestions, leaving out those matched here', async () => {
    const bg = fakeSend(DICT);
    const page = startPage({ doc: document, win: window, signal: signal().signal, send: bg.send });
    await page.ready;
    const labels = (bg.reports().at(-1)!.suggestions ?? []).map((x) => x.label);
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.some((l) => /Lagarde|European Central Bank|^ECB$/.test(l))).toBe(false);
  });

  it('re-matches when the notes change', async () => {
    const bg = fakeSend(DICT);
    const page = startPage({ doc: document, win: window, signal: signal().signal, send: bg.send });
    await page.ready;
    bg.setEntries([{ noteId: 'boj', title: 'energy prices', aliases: [] }]);
    expect(await page.handlers['bg:notesChanged']!({ type: 'bg:notesChanged' }, {})).toEqual({ ok: true });
    expect(bg.reports().at(-1)!.mentions).toEqual([{ noteId: 'boj', count: 2, title: 'energy prices' }]);
  });

  it('Show again reports shownAgain', async () => {
    const bg = fakeSend(DICT);
    const page = startPage({ doc: document, win: window, signal: signal().signal, send: bg.send });
    await page.ready;
    expect(await page.handlers['bg:showOverlaysAgain']!({ type: 'bg:showOverlaysAgain' }, {})).toEqual({ ok: true });
    expect(bg.reports().at(-1)!.overlays).toEqual({ labels: [], shownAgain: true, enabled: true });
  });

  it('highlights the mentions, and aborting the signal removes the highlights', async () => {
    const registry = installHighlights();
    const bg = fakeSend(DICT);
    const c = signal();
    const page = startPage({ doc: document, win: window, signal: c.signal, send: bg.send });
    await page.ready;

    const highlight = registry.get('gloss-term');
    expect(highlight?.size).toBe(6);
    const texts = [...highlight!].map((r) => r.toString());
    expect(texts.sort()).toEqual(['Christine Lagarde', 'ECB', 'European Central Bank', 'European Central Bank', 'Lagarde', 'Lagarde']);

    c.abort();
    expect(registry.has('gloss-term')).toBe(false);
  });

  it('switching highlights off (settings changed) removes them and keeps the counts; on again restores them', async () => {
    const registry = installHighlights();
    const bg = fakeSend(DICT);
    const page = startPage({ doc: document, win: window, signal: signal().signal, send: bg.send });
    await page.ready;
    expect(registry.get('gloss-term')?.size).toBe(6);

    bg.settings.highlights = false;
    await page.handlers['bg:settingsChanged']!({ type: 'bg:settingsChanged' }, {});
    expect(registry.has('gloss-term')).toBe(false);
    expect(bg.reports().at(-1)!.mentions.length).toBeGreaterThan(0);

    bg.settings.highlights = true;
    await page.handlers['bg:settingsChanged']!({ type: 'bg:settingsChanged' }, {});
    expect(registry.get('gloss-term')?.size).toBe(6);
  });

  it('highlights under the chosen colour, and a colour change moves them without re-matching', async () => {
    const registry = installHighlights();
    const bg = fakeSend(DICT);
    const page = startPage({ doc: document, win: window, signal: signal().signal, send: bg.send });
    await page.ready;
    expect(registry.get('gloss-term')?.size).toBe(6);
    const matched = bg.sent.filter((x) => x.type === 'content:matchTexts').length;
    (bg.settings as { highlightColor?: string }).highlightColor = 'green';
    await page.handlers['bg:settingsChanged']!({ type: 'bg:settingsChanged' }, {});
    expect(registry.has('gloss-term')).toBe(false);
    expect(registry.get('gloss-term-green')?.size).toBe(6);
    expect(bg.sent.filter((x) => x.type === 'content:matchTexts').length).toBe(matched);
  });

  it('with overlay hiding switched off for the site, reports it as off and starts no guard', async () => {
    const bg = fakeSend(DICT);
    bg.settings.overlays = false;
    const page = startPage({ doc: document, win: window, signal: signal().signal, send: bg.send });
    await page.ready;
    expect(bg.reports().at(-1)!.overlays).toEqual({ labels: [], shownAgain: false, enabled: false });
  });

  it('without the Custom Highlight API (happy-dom) it still reports the mentions and abort does not throw', async () => {
    expect((window as unknown as { Highlight?: unknown }).Highlight).toBeUndefined();
    const bg = fakeSend(DICT);
    const c = signal();
    const page = startPage({ doc: document, win: window, signal: c.signal, send: bg.send });
    await page.ready;
    expect(bg.reports().at(-1)!.mentions).toHaveLength(2);
    expect(() => c.abort()).not.toThrow();
  });

  it('a match answer arriving after the abort is not applied', async () => {
    const registry = installHighlights();
    const c = signal();
    let answer!: () => void;
    const sent: string[] = [];
    const send = ((type: keyof ContentToBackground, request: unknown): Promise<unknown> => {
      sent.push(type);
      if (type !== 'content:matchTexts') return Promise.resolve({ ok: true });
      return new Promise<unknown>((r) => (answer = () => r(backgroundMatch(DICT, request))));
    }) as PipelineDeps['send'];
    const page = startPage({ doc: document, win: window, signal: c.signal, send });
    // Let the settings reply arrive and the text be read and sent, then navigate away.
    while (!answer) await new Promise((r) => setTimeout(r, 0));
    c.abort();
    answer();
    await page.ready;
    expect(registry.size).toBe(0);
    expect(sent).toEqual(['content:getSettings', 'content:matchTexts']);
  });

  it('a failed match request leaves the page alone', async () => {
    const before = document.documentElement.outerHTML;
    const send = ((type: keyof ContentToBackground) =>
      Promise.resolve(type === 'content:matchTexts' ? { ok: false, error: 'no-reply' } : { ok: true })) as PipelineDeps['send'];
    const page = startPage({ doc: document, win: window, signal: signal().signal, send });
    await expect(page.ready).resolves.toBeUndefined();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});

// ---------------------------------------------------------------------------------------------

const EXTENSION_ID = 'gloss@gloss.example';

type Sender = { id?: string; url?: string; tab?: { id?: number } };
type Listener = (msg: unknown, sender: Sender, sendResponse: (reply: unknown) => void) => boolean;

/**
 * A fake native runtime (Chrome's `chrome.runtime`): records listeners and sent messages; the
 * content script reaches it through lib/platform/runtime.ts, as in the browser.
 */
function fakeRuntime(reply: (msg: unknown) => unknown = () => ({ ok: true })) {
  const listeners = new Set<Listener>();
  const added: Listener[] = [];
  const removed: Listener[] = [];
  const sendMessage = vi.fn((msg: unknown) => Promise.resolve(reply(msg)));
  const native = {
    id: EXTENSION_ID,
    sendMessage,
    onMessage: {
      addListener: (l: Listener) => {
        added.push(l);
        listeners.add(l);
      },
      removeListener: (l: Listener) => {
        removed.push(l);
        listeners.delete(l);
      },
    },
  };
  const runtime = contentRuntime({ chrome: { runtime: native as unknown as NativeRuntime } })!;
  /**
   * Delivers a message to every listener, as the browser would: each answer is a promise of what
   * the listener sent back when it kept the channel open, else undefined (no answer).
   */
  const deliver = (msg: unknown, sender: Sender) =>
    [...listeners].map((l) => {
      let answer!: (reply: unknown) => void;
      const answered = new Promise((resolve) => (answer = resolve));
      return l(msg, sender, answer) ? answered : undefined;
    });
  return { runtime, listeners, added, removed, sendMessage, deliver };
}

describe('startContent', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('starts the page, reports to the background and listens for messages', async () => {
    const rt = fakeRuntime();
    startContent({ runtime: rt.runtime, doc: document, win: window, signal: signal().signal });
    expect(rt.added).toHaveLength(1);
    await tick();
    expect(rt.sendMessage).toHaveBeenCalledWith(expect.objectContaining({ type: 'content:stateChanged' }));
  });

  it('answers the background', async () => {
    const rt = fakeRuntime();
    startContent({ runtime: rt.runtime, doc: document, win: window, signal: signal().signal });
    const [answer] = rt.deliver({ type: 'bg:getState' }, { id: EXTENSION_ID });
    await expect(answer).resolves.toMatchObject({ ok: true, state: { article: { isArticle: false } } });
  });

  it.each<[string, Sender]>([
    ['another extension', { id: 'evil@example.com' }],
    ['a content script in a tab (same extension)', { id: EXTENSION_ID, tab: { id: 3 }, url: 'https://evil.example/' }],
    ['a web page', { url: 'https://evil.example/' }],
  ])('refuses messages from %s', (_, sender) => {
    const rt = fakeRuntime();
    startContent({ runtime: rt.runtime, doc: document, win: window, signal: signal().signal });
    for (const type of ['bg:getState', 'bg:showOverlaysAgain', 'bg:notesChanged']) {
      expect(rt.deliver({ type }, sender)).toEqual([undefined]);
    }
    expect(console.warn).toHaveBeenCalledWith('Gloss: refused bg:getState from', sender.url ?? 'unknown sender');
  });

  it('ignores unknown and malformed messages, even from the background', () => {
    const rt = fakeRuntime();
    startContent({ runtime: rt.runtime, doc: document, win: window, signal: signal().signal });
    for (const msg of [null, 'bg:getState', { type: 'bg:nope' }, { type: 'panel:listNotes' }, { type: 'content:stateChanged', state: 1 }]) {
      expect(rt.deliver(msg, { id: EXTENSION_ID })).toEqual([undefined]);
    }
  });

  it('removes its listener when the signal aborts', () => {
    const rt = fakeRuntime();
    const c = signal();
    startContent({ runtime: rt.runtime, doc: document, win: window, signal: c.signal });
    expect(rt.listeners.size).toBe(1);
    c.abort();
    expect(rt.removed).toEqual(rt.added);
    expect(rt.listeners.size).toBe(0);
  });

  it('never throws, even when the page cannot be read at all', () => {
    const rt = fakeRuntime();
    const hostile = new Proxy({} as Document, {
      get() {
        throw new Error('hostile document');
      },
    });
    expect(() => startContent({ runtime: rt.runtime, doc: hostile, win: window, signal: signal().signal })).not.toThrow();
    expect(rt.added).toHaveLength(0);
  });

  it('survives a background that is not there', async () => {
    const rt = fakeRuntime();
    rt.sendMessage.mockImplementation(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    buildArticle();
    startContent({ runtime: rt.runtime, doc: document, win: window, signal: signal().signal });
    await tick(AFTER_BATCH);
    expect(rt.sendMessage).toHaveBeenCalled();
  });
});
