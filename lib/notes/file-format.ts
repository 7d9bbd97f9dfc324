/**
 * The JSON notes file format (`{"format": "gloss-notes", "version": 2, "notes": [...]}`, see
 * docs/notes-format.md), used by the starter notes, by export and by import. Version 1 files
 * (no tags or sources) are still read. Parsing is all-or-nothing: one bad note rejects the file
 * with the note and field at fault (and the line, for broken JSON), so an import never writes
 * half a file.
 */
import type { ImportInput } from './repo';
import { ERROR_TEXT, validateNote, type Note } from './schema';

export const FILE_FORMAT = 'gloss-notes';
/** The version written by export. */
export const FILE_VERSION = 2;
/** Every version this Gloss reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2];

export type ParseResult = { ok: true; notes: ImportInput[] } | { ok: false; error: string };

/** One note in a version 2 file. */
export interface FileNote {
  title: string;
  aliases?: string[];
  tags?: string[];
  sources?: ({ url: string; title?: string } | string)[];
  body?: string;
  createdAt?: number;
  updatedAt?: number;
}

export interface NotesFile {
  format: typeof FILE_FORMAT;
  version: number;
  notes: FileNote[];
}

/**
 * The export form of a set of notes. Ids and the pages a note was seen on stay out: ids are
 * local to one database, and the seen list is the reader's browsing trail, not their notes.
 */
export function toNotesFile(notes: readonly Note[]): NotesFile {
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    notes: notes.map((n) => ({
      title: n.title,
      aliases: [...n.aliases],
      tags: [...n.tags],
      sources: n.sources.map((s) => ({ ...s })),
      body: n.body,
      createdAt: n.createdAt,
      updatedAt: n.updatedAt,
    })),
  };
}

/** Parses and validates a notes file given as text or already-parsed JSON. */
export function parseNotesFile(input: unknown): ParseResult {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return { ok: false, error: `Not valid JSON${jsonErrorLine(input, e as Error)}: ${(e as Error).message}` };
    }
  }
  if (!isRecord(data) || data.format !== FILE_FORMAT) {
    return { ok: false, error: `Not a Gloss notes file (expected "format": "${FILE_FORMAT}").` };
  }
  if (typeof data.version !== 'number' || !READABLE_VERSIONS.includes(data.version)) {
    return { ok: false, error: `Unsupported file version ${String(data.version)} (this Gloss reads versions ${READABLE_VERSIONS.join(', ')}).` };
  }
  if (!Array.isArray(data.notes)) return { ok: false, error: '"notes" must be a list.' };
  const notes: ImportInput[] = [];
  for (const [i, raw] of data.notes.entries()) {
    const checked = parseFileNote(raw, `notes[${i}]`);
    if (!checked.ok) return checked;
    notes.push(checked.note);
  }
  return { ok: true, notes };
}

/**
 * Validates one note object of a file; `where` names it in errors ("notes[3]", "a.md").
 * Shared by the JSON and the Markdown readers.
 */
export function parseFileNote(raw: unknown, where: string): { ok: true; note: ImportInput } | { ok: false; error: string } {
  if (!isRecord(raw)) return { ok: false, error: `${where} is not an object.` };
  if (typeof raw.title !== 'string') return { ok: false, error: `${where}.title must be text.` };
  const named = where;
  const aliases = raw.aliases ?? [];
  if (!isTextList(aliases)) return { ok: false, error: `${named}.aliases must be a list of text.` };
  const tags = raw.tags ?? [];
  if (!isTextList(tags)) return { ok: false, error: `${named}.tags must be a list of text.` };
  const rawSources = raw.sources ?? [];
  if (!Array.isArray(rawSources)) return { ok: false, error: `${named}.sources must be a list.` };
  const sources: { url: string; title?: string }[] = [];
  for (const [j, s] of rawSources.entries()) {
    if (typeof s === 'string') sources.push({ url: s });
    else if (isRecord(s) && typeof s.url === 'string' && (s.title === undefined || typeof s.title === 'string')) {
      sources.push(s.title === undefined ? { url: s.url } : { url: s.url, title: s.title });
    } else return { ok: false, error: `${named}.sources[${j}] must be a web address or {"url": ..., "title": ...}.` };
  }
  const body = raw.body ?? '';
  if (typeof body !== 'string') return { ok: false, error: `${named}.body must be text.` };
  const times: { createdAt?: number; updatedAt?: number } = {};
  for (const key of ['createdAt', 'updatedAt'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) return { ok: false, error: `${named}.${key} must be a time in milliseconds.` };
    times[key] = v;
  }
  const checked = validateNote({ title: raw.title, aliases, body, tags, sources });
  if (!checked.ok) {
    const first = checked.errors[0];
    const field = first?.field ?? 'title';
    return { ok: false, error: `${where}.${field}: ${first ? ERROR_TEXT[first.message] : ''}` };
  }
  return { ok: true, note: { ...checked.value, ...times } };
}

/** " at line N" for a JSON.parse error that gives a character position, else "". */
function jsonErrorLine(text: string, e: Error): string {
  const line = /line (\d+)/.exec(e.message);
  if (line) return '';
  const pos = /position (\d+)/.exec(e.message);
  if (!pos) return '';
  return ` at line ${text.slice(0, Number(pos[1])).split('\n').length}`;
}

function isTextList(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((a) => typeof a === 'string');
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
