/**
 * The note model and its validation rules. Pure: shared by the background (which writes) and
 * the panel (which shows inline errors before sending anything).
 */

/** A reader's background note, as stored (schema version 1). */
export interface Note {
  id: string;
  title: string;
  aliases: string[];
  /** Free text (Markdown later); never sent to content scripts. */
  body: string;
  createdAt: number;
  updatedAt: number;
}

/** What an editor submits: a new note has no id. */
export interface NoteInput {
  id?: string;
  title: string;
  aliases: readonly string[];
  body: string;
}

/** One problem with a note, tied to the form field that must change. */
export interface FieldError {
  field: 'title' | 'aliases' | 'body';
  /** A key of ERROR_TEXT (also an i18n message name in `_locales`). */
  message: keyof typeof ERROR_TEXT;
}

/** English text for each validation error, for contexts without i18n (files, logs). */
export const ERROR_TEXT = {
  errTitleEmpty: 'The title cannot be empty.',
  errTitleLong: `The title is longer than 200 characters.`,
  errAliasEmpty: 'An alias cannot be empty or only spaces.',
  errAliasLong: 'An alias is longer than 200 characters.',
} as const;

/** Longest title or alias accepted; longer strings are almost certainly pasted by mistake. */
export const MAX_NAME_LENGTH = 200;

/**
 * Checks and normalises a note before it is written. Returns the cleaned input (trimmed title,
 * trimmed and de-duplicated aliases, the title itself never repeated as an alias) or the list
 * of errors; nothing is written when there are errors.
 */
export function validateNote(input: NoteInput): { ok: true; value: NoteInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = typeof input.title === 'string' ? input.title.trim() : '';
  if (!title) errors.push({ field: 'title', message: 'errTitleEmpty' });
  else if (title.length > MAX_NAME_LENGTH) errors.push({ field: 'title', message: 'errTitleLong' });

  const aliases: string[] = [];
  const seen = new Set([title.toLowerCase()]);
  const rawAliases: readonly unknown[] = Array.isArray(input.aliases) ? input.aliases : [];
  rawAliases.forEach((raw) => {
    const alias = typeof raw === 'string' ? raw.trim() : '';
    if (!alias) {
      errors.push({ field: 'aliases', message: 'errAliasEmpty' });
    } else if (alias.length > MAX_NAME_LENGTH) {
      errors.push({ field: 'aliases', message: 'errAliasLong' });
    } else if (!seen.has(alias.toLowerCase())) {
      seen.add(alias.toLowerCase());
      aliases.push(alias);
    }
  });
  const body = typeof input.body === 'string' ? input.body : '';
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { ...(input.id ? { id: input.id } : {}), title, aliases, body } };
}

/** Splits the editor's comma-separated alias field; empty pieces are kept so validation can flag them. */
export function parseAliasField(text: string): string[] {
  if (!text.trim()) return [];
  return text.split(',');
}
