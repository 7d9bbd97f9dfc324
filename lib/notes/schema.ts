/**
 * The note model and its validation rules. Pure: shared by the background (which writes) and
 * the panel (which shows inline errors before sending anything).
 */
import { aliasProblem } from '../terms/rules';

/** A source the reader cites for a note: a link, with an optional label. */
export interface NoteSource {
  url: string;
  title?: string;
}

/** A page where the note's term was seen (recorded by the background from tab reports). */
export interface SeenPage {
  url: string;
  title: string;
  /** When it was first seen there (ms since epoch). */
  date: number;
}

/** A reader's background note, as the panel sees it (schema version 2). */
export interface Note {
  id: string;
  title: string;
  aliases: string[];
  /** Markdown text; never sent to content scripts. */
  body: string;
  tags: string[];
  sources: NoteSource[];
  seen: SeenPage[];
  createdAt: number;
  updatedAt: number;
}

/**
 * What an editor or a file submits: a new note has no id. `tags` and `sources` are optional so
 * version 1 callers (and files) stay valid.
 */
export interface NoteInput {
  id?: string;
  title: string;
  aliases: readonly string[];
  body: string;
  tags?: readonly string[];
  sources?: readonly NoteSource[];
}

/** A validated input: every optional list filled in. */
export interface CleanNoteInput extends NoteInput {
  aliases: string[];
  tags: string[];
  sources: NoteSource[];
}

/** One problem with a note, tied to the form field that must change. */
export interface FieldError {
  field: 'title' | 'aliases' | 'body' | 'tags' | 'sources';
  /** A key of ERROR_TEXT (also an i18n message name in `_locales`). */
  message: keyof typeof ERROR_TEXT;
}

/** English text for each validation error, for contexts without i18n (files, logs). */
export const ERROR_TEXT = {
  errTitleEmpty: 'The title cannot be empty.',
  errTitleLong: `The title is longer than 200 characters.`,
  errAliasEmpty: 'An alias cannot be empty or only spaces.',
  errAliasLong: 'An alias is longer than 200 characters.',
  errAliasNoLetters: 'An alias needs at least one letter or digit.',
  errAliasTooShort: 'An alias of a single letter or digit would match almost everywhere.',
  errTagEmpty: 'A tag cannot be empty or only spaces.',
  errTagLong: 'A tag is longer than 200 characters.',
  errSourceUrl: 'Each source must be a web address starting with http:// or https://.',
} as const;

/** Longest title, alias or tag accepted; longer strings are almost certainly pasted by mistake. */
export const MAX_NAME_LENGTH = 200;

/** Schemes a source (or a link in a note body) may use: nothing that runs code. */
export const SAFE_LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;

/** True for an absolute http(s) or mailto URL; the only links Gloss ever renders. */
export function isSafeLink(url: string): boolean {
  try {
    return (SAFE_LINK_SCHEMES as readonly string[]).includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** True for an absolute http(s) URL: what a note's source must be. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Checks and normalises a note before it is written. Returns the cleaned input (trimmed title,
 * trimmed and de-duplicated aliases and tags, the title itself never repeated as an alias,
 * sources de-duplicated by URL) or the list of errors; nothing is written when there are errors.
 */
export function validateNote(input: NoteInput): { ok: true; value: CleanNoteInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (!title) errors.push({ field: 'title', message: 'errTitleEmpty' });
  else if (title.length > MAX_NAME_LENGTH) errors.push({ field: 'title', message: 'errTitleLong' });

  const aliases = cleanNames(input.aliases, new Set([title.toLowerCase()]), 'aliases', 'errAliasEmpty', 'errAliasLong', errors);
  // What the matcher could not use (lib/terms/rules.ts), refused here with the reason rather
  // than silently never highlighted. Regex metacharacters and the like are fine: matched literally.
  for (const alias of aliases) {
    const problem = aliasProblem(alias);
    if (problem === 'errAliasNoLetters' || problem === 'errAliasTooShort') errors.push({ field: 'aliases', message: problem });
  }
  const tags = cleanNames(input.tags, new Set(), 'tags', 'errTagEmpty', 'errTagLong', errors);

  const sources: NoteSource[] = [];
  const urls = new Set<string>();
  const rawSources: readonly unknown[] = Array.isArray(input.sources) ? input.sources : [];
  for (const raw of rawSources) {
    const url = isRecord(raw) && typeof raw.url === 'string' ? raw.url.trim() : '';
    if (!isWebUrl(url)) {
      errors.push({ field: 'sources', message: 'errSourceUrl' });
      continue;
    }
    if (urls.has(url)) continue;
    urls.add(url);
    const label = isRecord(raw) && typeof raw.title === 'string' ? raw.title.trim() : '';
    sources.push(label ? { url, title: label } : { url });
  }

  const body = typeof input.body === 'string' ? input.body : '';
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { ...(input.id ? { id: input.id } : {}), title, aliases, body, tags, sources } };
}

function cleanNames(
  raw: unknown,
  seen: Set<string>,
  field: 'aliases' | 'tags',
  empty: keyof typeof ERROR_TEXT,
  long: keyof typeof ERROR_TEXT,
  errors: FieldError[],
): string[] {
  const out: string[] = [];
  const list: readonly unknown[] = Array.isArray(raw) ? raw : [];
  for (const item of list) {
    const name = typeof item === 'string' ? item.trim() : '';
    if (!name) errors.push({ field, message: empty });
    else if (name.length > MAX_NAME_LENGTH) errors.push({ field, message: long });
    else if (!seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      out.push(name);
    }
  }
  return out;
}

/** Splits the editor's comma-separated alias field; empty pieces are kept so validation can flag them. */
export function parseAliasField(text: string): string[] {
  if (!text.trim()) return [];
  return text.split(',');
}

/** Splits the editor's sources field: one URL per line, blank lines ignored. */
export function parseSourcesField(text: string): NoteSource[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((url) => ({ url }));
}

/**
 * The form a name takes in the `aliasKeys` index: Unicode-normalised, accents folded away,
 * lower-cased, inner whitespace collapsed. "Élysée  Palace" and "elysee palace" share one key.
 */
export function foldKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every key a note answers to: its folded title and aliases, de-duplicated. */
export function aliasKeysOf(note: { title: string; aliases: readonly string[] }): string[] {
  return [...new Set([note.title, ...note.aliases].map(foldKey).filter(Boolean))];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
