/**
 * The one typed message contract between Gloss's contexts, named by direction.
 *
 * On the wire a message is `{ type, ...request }`. Every reply may also be a `Failure`: handlers
 * never throw across contexts (the router turns exceptions into `{ok: false}`), and a send that
 * reaches nobody (no content script in that tab, no panel open) resolves to a Failure too.
 *
 * Trust: content scripts run inside untrusted pages, so the background accepts `content:*`
 * messages only from tabs and `panel:*` messages (which read notes and change state) only from
 * the extension's own pages. Unknown types and bad shapes are ignored with a logged warning;
 * valid messages with no handler in this context (meant for another context) are ignored silently.
 */
import type { DuplicatePolicy } from './notes/repo';
import type { FieldError, Note, NoteInput } from './notes/schema';
import type { EffectiveSettings, HighlightColor, Settings, SiteSettings } from './settings/schema';
import type { PageText } from './terms/discover/read';
import type { SegmentMatch } from './terms/remote';

/** What the panel shows about a page's article (no DOM, no text beyond metadata). */
export interface ArticleSummary {
  isArticle: boolean;
  title: string;
  siteName: string;
  lang: string;
  reason: string;
  /** Author name(s) as the page gives them; absent when none was found (ArticleInfo.byline). */
  byline?: string;
  /** Publication time as the page gives it, usually ISO 8601; absent when none (ArticleInfo.published). */
  published?: string;
  /** Not an article, but the reader asked Gloss to find terms on it anyway (whole page). */
  forced?: boolean;
  /**
   * Not an article, but prose a reader reads (a product tour in headed sections): overlays are
   * hidden on it as on an article, terms are not looked for (ArticleInfo.prose).
   */
  readable?: boolean;
}

/**
 * A name or term in the article that may deserve a note (lib/terms/discover): its label, the
 * variants seen, how often, and the sentence of its first mention.
 */
export interface Suggestion {
  label: string;
  aliases: string[];
  count: number;
  sentence: string;
}

/** A tab's state, owned by its content script and answered on request. */
export interface TabState {
  url: string;
  article: ArticleSummary;
  /**
   * One short label per hidden overlay (a backdrop and its box are one); `enabled` is false when
   * the reader switched overlay hiding off (globally or for this site).
   */
  overlays: { labels: string[]; shownAgain: boolean; enabled: boolean };
  /**
   * How the article's text is visibly cut off behind a gate (blurred, faded, clamped, truncated),
   * or null: the panel then says "The full text isn't on this page". Gloss never undoes it.
   */
  gate?: string | null;
  /**
   * Notes mentioned in the article, in order of first mention, with their titles (so the panel
   * can list them before it has loaded every note).
   */
  mentions: { noteId: string; count: number; title?: string }[];
  /** Names and terms with no note (maybe: the panel drops those the reader has notes for). */
  suggestions?: Suggestion[];
}

/**
 * What the reader asked the panel to show from outside it: the note of a mention they clicked
 * on the page, or a new note for text they selected (context menu "Add note for …").
 */
export type PanelRequest =
  | { kind: 'note'; noteId: string }
  | { kind: 'new'; title: string; source?: { url: string; title?: string } };

export interface Failure {
  ok: false;
  error: string;
}
export type Reply<T> = T | Failure;

/** content script -> background. */
export interface ContentToBackground {
  /**
   * Match the article's text segments against the notes dictionary, which the background
   * compiles once per version of the notes and reuses for every page. The reply holds the
   * matches (`[segment, start, end, noteId]`) and the titles of the notes matched (for the hover
   * tooltip) and nothing else: the page's content script never holds the note list or any body.
   * With `discover` (the article's text as lib/terms/discover/read.ts reads it), the reply also
   * lists the names and terms that have no note ("Also mentioned"), worked out here so the word
   * lists stay out of every page.
   */
  'content:matchTexts': {
    request: { texts: string[]; discover?: { page: PageText; lang: string } };
    response: { ok: true; matches: SegmentMatch[]; titles: Record<string, string>; suggestions?: Suggestion[] };
  };
  /**
   * The reader clicked a mention: open (or focus) the panel on that note. Sent synchronously in
   * the click (the background opens the panel before any await, inside the page's user
   * activation). `shown: false` when the browser refused and no panel is open; `hint` then says
   * how to open it (Firefox carries no user gesture across messaging).
   */
  'content:openNote': { request: { noteId: string }; response: { ok: true; shown: boolean; hint?: string } };
  /** The tab's state changed: the background updates the badge and tells open panels. */
  'content:stateChanged': { request: { state: TabState }; response: { ok: true } };
  /** The reader's switches for the sender's own site (taken from the sender, not the message). */
  'content:getSettings': { request: object; response: { ok: true; settings: EffectiveSettings } };
}

/** panel (extension page) -> background. */
export interface PanelToBackground {
  /** The state of a tab, asked from its content script; Failure when Gloss cannot run there. */
  'panel:getTabState': { request: { tabId: number }; response: { ok: true; state: TabState } };
  /** Restore exactly what was hidden on that tab and stop hiding there until reload. */
  'panel:showOverlaysAgain': { request: { tabId: number }; response: { ok: true } };
  /** Find terms on a page that is not an article (the whole page; overlays stay untouched). */
  'panel:runAnyway': { request: { tabId: number }; response: { ok: true } };
  /**
   * Every note, most recently edited first, with the version of the notes it reflects. With
   * `known` (the version the panel already holds) and nothing changed since, no notes are sent
   * (`notes` absent): ten thousand notes are megabytes to copy on every tab report.
   */
  'panel:listNotes': { request: { known?: string }; response: { ok: true; version: string; notes?: Note[] } };
  /**
   * Create or update a note; field errors when invalid (nothing written). With `baseUpdatedAt`
   * (the `updatedAt` the editor started from), an update of a note changed since is refused
   * with the stored note as `conflict` (nothing written).
   */
  'panel:saveNote': {
    request: { note: NoteInput; baseUpdatedAt?: number };
    response: { ok: true; note: Note } | { ok: false; errors: FieldError[] } | { ok: false; conflict: Note };
  };
  /** Delete a note; the reply carries it as it was, so the panel can offer Undo. */
  'panel:deleteNote': { request: { id: string }; response: { ok: true; note: Note } };
  /** Delete every note (the panel asks the reader to confirm, and offers export first). */
  'panel:deleteAllNotes': { request: object; response: { ok: true; deleted: number } };
  /** Undo a delete: put the note back exactly (same id and times). Fails if the id is taken again. */
  'panel:restoreNote': { request: { note: Note }; response: { ok: true; note: Note } };
  /**
   * Import a notes file (JSON text or parsed object): all or nothing. Notes whose title the
   * reader already has are skipped (default), merged, or kept as second notes.
   */
  'panel:importNotes': {
    request: { data: unknown; onDuplicate?: DuplicatePolicy };
    response: { ok: true; added: number; merged: number; skipped: number };
  };
  /**
   * Scroll the tab to the `index`th mention (in document order, wrapping around) of a note and
   * flash it. The reply says which mention that was (0-based, wrapped) and how many there are.
   */
  'panel:showMention': {
    request: { tabId: number; noteId: string; index: number };
    response: { ok: true; index: number; count: number };
  };
  /**
   * What the reader asked for on that tab in the last seconds (a clicked mention, a selection
   * to note), if anything; taken once, by the panel that the request just opened.
   */
  'panel:takeRequest': { request: { tabId: number }; response: { ok: true; request: PanelRequest | null } };
  /** All settings (global switches and every site's overrides). */
  'panel:getSettings': { request: object; response: { ok: true; settings: Settings } };
  /**
   * Changes global switches and/or one site's overrides (`null` clears an override), then tells
   * every tab to apply them. Returns the new settings.
   */
  'panel:updateSettings': {
    request: { global?: { overlays?: boolean; highlights?: boolean; highlightColor?: HighlightColor }; site?: string; sitePatch?: { [K in keyof SiteSettings]?: SiteSettings[K] | null } };
    response: { ok: true; settings: Settings };
  };
}

/** background -> content script (through tabs.sendMessage). */
export interface BackgroundToContent {
  'bg:getState': { request: object; response: { ok: true; state: TabState } };
  'bg:showOverlaysAgain': { request: object; response: { ok: true } };
  'bg:runAnyway': { request: object; response: { ok: true } };
  /** See panel:showMention. */
  'bg:showMention': { request: { noteId: string; index: number }; response: { ok: true; index: number; count: number } };
  /** The notes changed: match the page again. */
  'bg:notesChanged': { request: object; response: { ok: true } };
  /** The reader's switches changed: fetch them again and apply (may restore hidden overlays). */
  'bg:settingsChanged': { request: object; response: { ok: true } };
}

/** background -> panels (broadcast through runtime.sendMessage). */
export interface BackgroundToPanel {
  'bg:tabStateChanged': { request: { tabId: number }; response: { ok: true } };
  /** The reader asked for something on that tab (see PanelRequest): panels showing it do it. */
  'bg:panelRequest': { request: { tabId: number; request: PanelRequest }; response: { ok: true } };
}

export type Contract = ContentToBackground & PanelToBackground & BackgroundToContent & BackgroundToPanel;
export type MessageType = keyof Contract;
export type Request<K extends MessageType> = Contract[K]['request'];
export type Response<K extends MessageType> = Reply<Contract[K]['response']>;
export type Message<K extends MessageType = MessageType> = { type: K } & Request<K>;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isTabId = (m: Record<string, unknown>) => Number.isInteger(m.tabId) && (m.tabId as number) >= 0;
const isNoteId = (m: Record<string, unknown>) => typeof m.noteId === 'string' && m.noteId !== '' && m.noteId.length <= 200;
const any = () => true;
/** Upper bound on the text segments one page may send to match (a bounded walk never gets near it). */
export const MAX_SEGMENTS = 250_000;

/** A shape check per message type: a message failing its check is dropped. */
type ShapeTable<K extends MessageType> = { [T in K]: (m: Record<string, unknown>) => boolean };

/**
 * Shape checks of the messages the background receives (content:* and panel:*). Split by the
 * receiving context, so each router knows only its own messages, and the content script
 * carries none of the checks of notes and settings it never receives.
 */
export const SHAPES_TO_BACKGROUND: ShapeTable<keyof ContentToBackground | keyof PanelToBackground> = {
  'content:matchTexts': (m) =>
    Array.isArray(m.texts) && m.texts.length <= MAX_SEGMENTS && m.texts.every((t) => typeof t === 'string') &&
    (m.discover === undefined || isDiscover(m.discover)),
  'content:openNote': isNoteId,
  'panel:showMention': (m) => isTabId(m) && isNoteId(m) && Number.isInteger(m.index),
  'panel:takeRequest': isTabId,
  'content:stateChanged': (m) => isTabState(m.state),
  'panel:getTabState': isTabId,
  'panel:showOverlaysAgain': isTabId,
  'panel:runAnyway': isTabId,
  'panel:listNotes': (m) => m.known === undefined || typeof m.known === 'string',
  'panel:saveNote': (m) =>
    isObj(m.note) && typeof m.note.title === 'string' && Array.isArray(m.note.aliases) &&
    (m.baseUpdatedAt === undefined || typeof m.baseUpdatedAt === 'number'),
  'panel:deleteAllNotes': any,
  'panel:deleteNote': (m) => typeof m.id === 'string' && m.id !== '',
  'panel:restoreNote': (m) => isNote(m.note),
  'panel:importNotes': (m) => 'data' in m && (m.onDuplicate === undefined || ['skip', 'merge', 'keep'].includes(m.onDuplicate as string)),
  'content:getSettings': any,
  'panel:getSettings': any,
  'panel:updateSettings': (m) =>
    (m.global === undefined || isObj(m.global)) &&
    (m.site === undefined || typeof m.site === 'string') &&
    (m.sitePatch === undefined || (isObj(m.sitePatch) && typeof m.site === 'string' && m.site !== '')),
};

/** Shape checks of the messages a content script receives (bg:* to a tab). */
export const SHAPES_TO_CONTENT: ShapeTable<keyof BackgroundToContent> = {
  'bg:showMention': (m) => isNoteId(m) && Number.isInteger(m.index),
  'bg:getState': any,
  'bg:settingsChanged': any,
  'bg:runAnyway': any,
  'bg:showOverlaysAgain': any,
  'bg:notesChanged': any,
};

/** Shape checks of the messages a panel receives. */
export const SHAPES_TO_PANEL: ShapeTable<keyof BackgroundToPanel> = {
  'bg:panelRequest': (m) => isTabId(m) && isPanelRequest(m.request),
  'bg:tabStateChanged': isTabId,
};

/** Same bound as lib/terms/discover/read.ts MAX_CHARS (kept literal: messaging imports no reader code). */
const MAX_DISCOVER_CHARS = 300_000;
const isSpans = (x: unknown) => Array.isArray(x) && x.length <= MAX_SEGMENTS;

function isDiscover(d: unknown): boolean {
  if (!isObj(d) || typeof d.lang !== 'string' || !isObj(d.page)) return false;
  const { text, blocks, italics } = d.page;
  return typeof text === 'string' && text.length <= MAX_DISCOVER_CHARS && isSpans(blocks) && isSpans(italics);
}

function isPanelRequest(r: unknown): r is PanelRequest {
  if (!isObj(r)) return false;
  if (r.kind === 'note') return isNoteId(r);
  return r.kind === 'new' && typeof r.title === 'string' && (r.source === undefined || (isObj(r.source) && typeof r.source.url === 'string'));
}

function isNote(n: unknown): n is Note {
  const strings = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  return (
    isObj(n) && typeof n.id === 'string' && n.id !== '' && typeof n.title === 'string' && typeof n.body === 'string' &&
    strings(n.aliases) && strings(n.tags) && Array.isArray(n.sources) && Array.isArray(n.seen) &&
    Number.isFinite(n.createdAt) && Number.isFinite(n.updatedAt)
  );
}

const optionalString = (x: unknown): boolean => x === undefined || typeof x === 'string';

function isTabState(s: unknown): s is TabState {
  return (
    isObj(s) && typeof s.url === 'string' && isObj(s.article) && typeof s.article.isArticle === 'boolean' &&
    optionalString(s.article.byline) && optionalString(s.article.published) &&
    isObj(s.overlays) && Array.isArray(s.overlays.labels) && typeof s.overlays.enabled === 'boolean' && Array.isArray(s.mentions)
  );
}

/** The message if it is of a type in `shapes` with the right shape, else null. */
function parseWith(x: unknown, shapes: Partial<ShapeTable<MessageType>>): Message | null {
  if (!isObj(x) || typeof x.type !== 'string' || !Object.hasOwn(shapes, x.type)) return null;
  return shapes[x.type as MessageType]?.(x) ? (x as Message) : null;
}

/** Returns the message if it is of a known type (any direction) with the right shape, else null. */
export function parseMessage(x: unknown): Message | null {
  return parseWith(x, SHAPES_TO_BACKGROUND) ?? parseWith(x, SHAPES_TO_CONTENT) ?? parseWith(x, SHAPES_TO_PANEL);
}

/** The sender fields the router looks at (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
}

export type Handlers<C> = {
  [K in keyof C & MessageType]?: (msg: Message<K>, sender: SenderInfo) => Response<K> | Promise<Response<K>>;
};

export interface RouterOptions {
  /** The shape checks of the messages this context receives (SHAPES_TO_BACKGROUND, ...): any other message is dropped. */
  shapes: Partial<ShapeTable<MessageType>>;
  /** Whether this sender may send this type (e.g. panel:* only from extension pages). */
  accept: (type: MessageType, sender: SenderInfo) => boolean;
  warn?: (...args: unknown[]) => void;
  /**
   * The error code a failing handler answers: its message by default; the background, the one
   * context that writes to storage, passes {@link storageError}.
   */
  errorOf?: (e: unknown) => string;
}

/**
 * Builds a runtime.onMessage listener from a handler table (or a function returning the current
 * one). Returns undefined (no reply) for messages it drops, so other listeners are not blocked.
 */
export function createRouter<C>(
  handlers: Handlers<C> | (() => Handlers<C> | null),
  { shapes, accept, warn = (...args) => console.warn(...args), errorOf = messageOf }: RouterOptions,
) {
  // A function picks the table per message (the content script's current page run).
  const tableOf = typeof handlers === 'function' ? handlers : () => handlers;
  const toFailure = (e: unknown): Failure => {
    console.error('Gloss: message handler failed', e);
    return { ok: false, error: errorOf(e) };
  };
  return (raw: unknown, sender: SenderInfo): Promise<unknown> | undefined => {
    const table = tableOf() ?? {};
    const msg = parseWith(raw, shapes);
    if (!msg) {
      warn('Gloss: ignored a message of unknown type or bad shape', raw);
      return undefined;
    }
    // A valid message meant for another context: runtime.sendMessage from one extension page
    // reaches every other extension page too (e.g. a second panel sees another panel's
    // panel:* messages), so this is normal and is ignored silently.
    const handler = Object.hasOwn(table, msg.type)
      ? (table as Record<string, Handlers<Contract>[MessageType]>)[msg.type]
      : undefined;
    if (!handler) return undefined;
    if (!accept(msg.type, sender)) {
      warn(`Gloss: refused ${msg.type} from`, sender.url ?? 'unknown sender');
      return undefined;
    }
    try {
      return Promise.resolve((handler as (m: Message, s: SenderInfo) => unknown)(msg, sender)).catch(toFailure);
    } catch (e) {
      return Promise.resolve(toFailure(e));
    }
  };
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A handler's failure, named by `errorOf` (STORAGE_FULL for a full storage in the background). */
export function storageError(e: unknown): string {
  return isQuotaError(e) ? STORAGE_FULL : messageOf(e);
}

/**
 * The error code of a write refused because the browser's storage for the extension is full.
 * The panel turns it into a sentence that says what to do (components/reasons.ts); the raw
 * DOMException text ("The quota has been exceeded.") does not.
 */
export const STORAGE_FULL = 'storage-full';

/**
 * True for IndexedDB's quota failure, however it arrives: the request's own error, or the
 * transaction's (idb rejects `tx.done` with it when the commit is what ran out of space).
 */
export function isQuotaError(e: unknown): boolean {
  for (let x = e, depth = 0; x && typeof x === 'object' && depth < 3; x = (x as { cause?: unknown }).cause, depth++) {
    if ((x as { name?: unknown }).name === 'QuotaExceededError') return true;
  }
  return false;
}

/**
 * Sends a typed message through `transport` (runtime.sendMessage, or tabs.sendMessage bound to
 * a tab). Transport errors (nobody listening) become a Failure instead of a rejection. With
 * `timeoutMs`, a reply that has not come by then is the Failure `timeout`: a tab whose page
 * keeps its main thread busy (a runaway script of its own) never lets the content script answer,
 * and the channel stays open as long as the page does.
 */
export async function send<K extends MessageType>(
  transport: (msg: unknown) => Promise<unknown>,
  type: K,
  request: Request<K>,
  timeoutMs?: number,
): Promise<Response<K>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const sent = transport({ ...request, type });
    const reply =
      timeoutMs === undefined
        ? await sent
        : await Promise.race([sent, new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs)))]);
    if (reply === TIMED_OUT) return { ok: false, error: 'timeout' };
    if (reply === undefined) return { ok: false, error: 'no-reply' };
    return reply as Response<K>;
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

const TIMED_OUT = Symbol('timed out');

/** True for replies that carry a result (narrowing helper). */
export function isOk<T extends { ok: boolean }>(r: T | Failure | undefined): r is Exclude<T, Failure> & { ok: true } {
  return !!r && r.ok === true;
}
