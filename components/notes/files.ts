/**
 * Getting notes files in and out of the panel without extra permissions: export through an
 * `<a download>` link to a blob URL (no downloads permission), import from a chosen file, read
 * here (a .zip is unpacked in the panel) and sent to the background as one JSON notes file.
 */
import { FILE_FORMAT, FILE_VERSION, toNotesFile } from '@/lib/notes/file-format';
import type { Note } from '@/lib/notes/schema';
import { notesFromZip, notesToZip } from '@/lib/notes/zip';

/** Offers `blob` as a file named `name`, through a temporary download link. */
export function saveFile(name: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; keep the URL a while for slow browsers, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `gloss-notes-2025-01-31`: export files sort by date. */
export function exportName(now: Date, ext: 'json' | 'zip'): string {
  return `gloss-notes-${now.toISOString().slice(0, 10)}.${ext}`;
}

export function exportJson(notes: readonly Note[]): Blob {
  return new Blob([JSON.stringify(toNotesFile(notes), null, 2)], { type: 'application/json' });
}

export function exportZip(notes: readonly Note[]): Blob {
  return new Blob([notesToZip(notes) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

/** What a chosen file holds, ready for panel:importNotes: the JSON text, or a .zip's notes as a notes file. */
export async function readImportFile(
  file: Blob & { name: string },
  onProgress?: (done: number, total: number) => void,
): Promise<{ ok: true; data: unknown } | { ok: false; error: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const isZip = /\.zip$/i.test(file.name) || (bytes[0] === 0x50 && bytes[1] === 0x4b);
  if (!isZip) return { ok: true, data: new TextDecoder().decode(bytes) };
  const read = notesFromZip(bytes, { onProgress });
  if (!read.ok) return read;
  return { ok: true, data: { format: FILE_FORMAT, version: FILE_VERSION, notes: read.notes } };
}
