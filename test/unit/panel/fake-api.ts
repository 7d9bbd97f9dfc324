/**
 * A fake PanelApi for the panel component tests: an in-memory background (notes and per-tab
 * TabState), a recorder of every message sent, a hand-driven tab event stream, and `t` reading
 * the real English messages.json so assertions read like what a user sees.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { TabEvent, PanelApi } from '../../../components/api';
import type { PanelToBackground, Request, Response, TabState } from '../../../lib/messaging';
import { parseNotesFile } from '../../../lib/notes/file-format';
import { DEFAULT_SETTINGS, withSitePatch, type Settings } from '../../../lib/settings/schema';
import { mergeInto } from '../../../lib/notes/repo';
import { validateNote, type Note } from '../../../lib/notes/schema';

type Key = keyof PanelToBackground;
type Handler<K extends Key> = (request: Request<K>) => Response<K> | Promise<Response<K>>;
type HandlerTable = { [K in Key]: Handler<K> };

export type Messages = Record<string, { message: string }>;

export function readMessages(locale: 'en' | 'es'): Messages {
  const file = join(import.meta.dirname, '..', '..', '..', 'public', '_locales', locale, 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

const EN = readMessages('en');

/** Like browser.i18n.getMessage + the real api.t: $1, $2... filled from subs; unknown keys come back as the key. */
export function englishT(key: string, subs?: (string | number)[]): string {
  const entry = EN[key];
  if (!entry) return key;
  return entry.message.replace(/\$(\d)/g, (_, n: string) => String(subs?.[Number(n) - 1] ?? ''));
}

/** A promise resolved (or rejected) by hand, to control the order replies arrive in. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export function note(id: string, title: string, aliases: string[] = [], body = '', over: Partial<Note> = {}): Note {
  return { id, title, aliases, body, tags: [], sources: [], seen: [], createdAt: 1, updatedAt: 1, ...over };
}

export function articleState(over: Partial<TabState> & { title?: string; siteName?: string } = {}): TabState {
  const { title = 'Central bank holds rates', siteName = 'The Example Times', ...rest } = over;
  return {
    url: 'https://news.example.com/2025/rates',
    article: { isArticle: true, title, siteName, lang: 'en', reason: 'jsonld:NewsArticle' },
    overlays: { labels: [], shownAgain: false, enabled: true },
    mentions: [],
    ...rest,
  };
}

export function notArticleState(url = 'https://shop.example.com/'): TabState {
  return {
    url,
    article: { isArticle: false, title: 'Example Shop', siteName: '', lang: 'en', reason: 'too-little-text' },
    overlays: { labels: [], shownAgain: false, enabled: true },
    mentions: [],
  };
}

export interface FakeOptions {
  notes?: Note[];
  /** Tabs whose content script answers; any other tab id is unreachable. */
  tabs?: Record<number, TabState>;
  active?: { tabId: number; windowId: number } | null;
}

export interface FakePanelApi extends PanelApi {
  notes: Note[];
  tabs: Map<number, TabState>;
  active: { tabId: number; windowId: number } | null;
  /** Every message sent, in order. */
  calls: { type: Key; request: unknown }[];
  callsOf<K extends Key>(type: K): Request<K>[];
  /** Replace how the fake background answers one message type. */
  respond<K extends Key>(type: K, handler: Handler<K>): void;
  /** Fire a tab event at every watcher. */
  emit(e: TabEvent): void;
  watcherCount(): number;
  togglePanel: ReturnType<typeof vi.fn<() => void>>;
}

export function createFakeApi(opts: FakeOptions = {}): FakePanelApi {
  const notes = [...(opts.notes ?? [])];
  const tabs = new Map(Object.entries(opts.tabs ?? {}).map(([k, v]) => [Number(k), v]));
  const watchers = new Set<(e: TabEvent) => void>();
  const calls: { type: Key; request: unknown }[] = [];
  let nextId = 1;
  let settings: Settings = structuredClone(DEFAULT_SETTINGS);

  const defaults: HandlerTable = {
    'panel:getTabState': ({ tabId }) => {
      const state = tabs.get(tabId);
      return state ? { ok: true, state: structuredClone(state) } : { ok: false, error: 'Could not establish connection. Receiving end does not exist.' };
    },
    'panel:showOverlaysAgain': ({ tabId }) => {
      const state = tabs.get(tabId);
      if (!state) return { ok: false, error: 'no-reply' };
      state.overlays.shownAgain = true;
      return { ok: true };
    },
    'panel:listNotes': () => ({ ok: true, version: String(Math.random()), notes: notes.map((n) => structuredClone(n)) }),
    'panel:runAnyway': ({ tabId }) => {
      const state = tabs.get(tabId);
      if (!state) return { ok: false, error: 'no-reply' };
      state.article.forced = true;
      return { ok: true };
    },
    'panel:showMention': ({ tabId, noteId, index }) => {
      const count = tabs.get(tabId)?.mentions.find((m) => m.noteId === noteId)?.count ?? 0;
      return { ok: true, index: count ? ((index % count) + count) % count : 0, count };
    },
    'panel:takeRequest': () => ({ ok: true, request: null }),
    'panel:getSettings': () => ({ ok: true, settings: structuredClone(settings) }),
    'panel:updateSettings': ({ global, site, sitePatch }) => {
      if (global?.overlays !== undefined) settings.overlays = global.overlays;
      if (global?.highlights !== undefined) settings.highlights = global.highlights;
      if (global?.highlightColor !== undefined) settings.highlightColor = global.highlightColor;
      if (site && sitePatch) settings = withSitePatch(settings, site, sitePatch);
      return { ok: true, settings: structuredClone(settings) };
    },
    'panel:saveNote': ({ note: input, baseUpdatedAt }) => {
      const checked = validateNote(input);
      if (!checked.ok) return { ok: false, errors: checked.errors };
      const v = checked.value;
      const existing = v.id ? notes.find((n) => n.id === v.id) : undefined;
      if (existing && baseUpdatedAt !== undefined && existing.updatedAt > baseUpdatedAt) return { ok: false, conflict: structuredClone(existing) };
      const fields = { title: v.title, aliases: [...v.aliases], body: v.body, tags: [...v.tags], sources: v.sources.map((x) => ({ ...x })) };
      const saved: Note = existing
        ? { ...existing, ...fields, updatedAt: existing.updatedAt + 1 }
        : { id: v.id ?? `new-${nextId++}`, ...fields, seen: [], createdAt: 2, updatedAt: 2 };
      if (existing) notes.splice(notes.indexOf(existing), 1);
      notes.unshift(saved);
      return { ok: true, note: structuredClone(saved) };
    },
    'panel:deleteAllNotes': () => ({ ok: true, deleted: notes.splice(0).length }),
    'panel:deleteNote': ({ id }) => {
      const i = notes.findIndex((n) => n.id === id);
      if (i < 0) return { ok: false, error: 'not-found' };
      const [gone] = notes.splice(i, 1);
      return { ok: true, note: structuredClone(gone!) };
    },
    'panel:restoreNote': ({ note: n }) => {
      if (notes.some((x) => x.id === n.id)) return { ok: false, error: 'exists' };
      notes.push(structuredClone(n));
      notes.sort((a, b) => b.updatedAt - a.updatedAt);
      return { ok: true, note: structuredClone(n) };
    },
    'panel:importNotes': ({ data, onDuplicate = 'skip' }) => {
      const parsed = parseNotesFile(data);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      let added = 0;
      let merged = 0;
      let skipped = 0;
      for (const n of parsed.notes) {
        const existing = notes.find((x) => x.title.toLowerCase() === n.title.toLowerCase());
        if (existing && onDuplicate === 'skip') {
          skipped++;
        } else if (existing && onDuplicate === 'merge') {
          merged++;
          Object.assign(existing, mergeInto(existing, n, existing.updatedAt + 1));
        } else {
          added++;
          notes.unshift({
            id: `new-${nextId++}`,
            title: n.title,
            aliases: [...n.aliases],
            body: n.body,
            tags: [...(n.tags ?? [])],
            sources: [...(n.sources ?? [])],
            seen: [],
            createdAt: n.createdAt ?? 3,
            updatedAt: n.updatedAt ?? 3,
          });
        }
      }
      return { ok: true, added, merged, skipped };
    },
  };
  const handlers: HandlerTable = { ...defaults };

  const api: FakePanelApi = {
    notes,
    tabs,
    active: opts.active === undefined ? null : opts.active,
    calls,
    callsOf<K extends Key>(type: K) {
      return calls.filter((c) => c.type === type).map((c) => c.request as Request<K>);
    },
    respond<K extends Key>(type: K, handler: Handler<K>) {
      (handlers as Record<Key, unknown>)[type] = handler;
    },
    emit(e) {
      for (const cb of [...watchers]) cb(e);
    },
    watcherCount: () => watchers.size,
    call<K extends Key>(type: K, request: Request<K>): Promise<Response<K>> {
      calls.push({ type, request: structuredClone(request) });
      const handler = handlers[type] as Handler<K>;
      return Promise.resolve(handler(request));
    },
    activeTab: () => Promise.resolve(api.active),
    watch(cb) {
      watchers.add(cb);
      return () => void watchers.delete(cb);
    },
    togglePanel: vi.fn<() => void>(),
    t: englishT,
  };
  return api;
}
