/**
 * The JSON notes file format (`{"format": "gloss-notes", "version": 1, "notes": [...]}`), used by
 * the starter notes and by import. Parsing is all-or-nothing: one bad note rejects the file with
 * the note and field at fault, so an import never writes half a file.
 */
import { ERROR_TEXT, validateNote, type NoteInput } from './schema';

export const FILE_FORMAT = 'gloss-notes';
export const FILE_VERSION = 1;

export type ParseResult = { ok: true; notes: NoteInput[] } | { ok: false; error: string };

/** Parses and validates a notes file given as text or already-parsed JSON. */
export function parseNotesFile(input: unknown): ParseResult {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return { ok: false, error: `Not valid JSON: ${(e as Error).message}` };
    }
  }
  if (!isRecord(data) || data.format !== FILE_FORMAT) {
    return { ok: false, error: `Not a Gloss notes file (expected "format": "${FILE_FORMAT}").` };
  }
  if (data.version !== FILE_VERSION) {
    return { ok: false, error: `Unsupported file version ${String(data.version)} (this Gloss reads version ${FILE_VERSION}).` };
  }
  if (!Array.isArray(data.notes)) return { ok: false, error: '"notes" must be a list.' };
  const notes: NoteInput[] = [];
  for (const [i, raw] of data.notes.entries()) {
    const where = `notes[${i}]`;
    if (!isRecord(raw)) return { ok: false, error: `${where} is not an object.` };
    if (typeof raw.title !== 'string') return { ok: false, error: `${where}.title must be text.` };
    const aliases = raw.aliases ?? [];
    if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string')) {
      return { ok: false, error: `${where}.aliases must be a list of text.` };
    }
    const body = raw.body ?? '';
    if (typeof body !== 'string') return { ok: false, error: `${where}.body must be text.` };
    const checked = validateNote({ title: raw.title, aliases, body });
    if (!checked.ok) {
      const first = checked.errors[0];
      return { ok: false, error: `${where}.${first?.field ?? 'title'}: ${first ? ERROR_TEXT[first.message] : ''}` };
    }
    notes.push(checked.value);
  }
  return { ok: true, notes };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
