/**
 * Notes as a .zip of Markdown files (readable by Obsidian: unzip it into a vault), through
 * fflate. Reading is all-or-nothing like the JSON file: the first bad file rejects the archive.
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { markdownFileNames, noteToMarkdown, parseMarkdownNote } from './markdown-files';
import type { ImportInput } from './repo';
import type { Note } from './schema';

/** The archive's bytes: one `.md` per note in a `gloss-notes/` folder. */
export function notesToZip(notes: readonly Note[], { mtime = new Date() }: { mtime?: Date } = {}): Uint8Array {
  const names = markdownFileNames(notes);
  const files: Record<string, Uint8Array> = {};
  notes.forEach((n, i) => (files[`gloss-notes/${names[i]!}`] = strToU8(noteToMarkdown(n))));
  return zipSync(files, { mtime });
}

/**
 * Reads every `.md` file of an archive (other files, and Obsidian's own `.obsidian/` folder, are
 * ignored). `onProgress` is told after each file, for long archives.
 */
export function notesFromZip(
  bytes: Uint8Array,
  { onProgress }: { onProgress?: (done: number, total: number) => void } = {},
): { ok: true; notes: ImportInput[] } | { ok: false; error: string } {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => /\.md$/i.test(f.name) && !/(^|\/)\.[^/]/.test(f.name) });
  } catch (e) {
    return { ok: false, error: `Not a readable .zip file: ${(e as Error).message}` };
  }
  const names = Object.keys(entries).sort();
  const notes: ImportInput[] = [];
  for (const [i, name] of names.entries()) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(entries[name]);
    } catch {
      return { ok: false, error: `${name}: not UTF-8 text.` };
    }
    const parsed = parseMarkdownNote(text, name);
    if (!parsed.ok) return parsed;
    notes.push(parsed.note);
    onProgress?.(i + 1, names.length);
  }
  if (!notes.length) return { ok: false, error: 'The .zip file has no Markdown (.md) notes.' };
  return { ok: true, notes };
}

