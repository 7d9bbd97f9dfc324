/**
 * The reader's notes collection: how many, New note, All notes, Import (a JSON notes file or a
 * .zip of Markdown files), Export (JSON or .zip), Load starter notes. An import that would meet
 * notes with titles the reader already has asks first: merge, keep both, or skip them.
 */
import { useState } from 'preact/hooks';
import { parseNotesFile } from '@/lib/notes/file-format';
import type { DuplicatePolicy } from '@/lib/notes/repo';
import { foldKey, type Note } from '@/lib/notes/schema';
import type { PanelApi } from './api';
import { exportJson, exportName, exportZip, readImportFile, saveFile } from './notes/files';
import { reasonText } from './reasons';

interface Props {
  api: PanelApi;
  noteCount: number | null;
  /** Every note (to find duplicate titles before an import, and to export). */
  notes?: Note[] | null;
  starterNotes: unknown;
  onNew: () => void;
  onImported: () => void | Promise<void>;
  /** Opens the All notes library. */
  onLibrary?: () => void;
  /** Clock, for export file names. */
  now?: () => Date;
}

export function NotesTools({ api, noteCount, notes = null, starterNotes, onNew, onImported, onLibrary, now = () => new Date() }: Props) {
  const { t } = api;
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ data: unknown; duplicates: number } | null>(null);
  const [confirmDeleteAll, setConfirmDeleteAll] = useState(false);

  const deleteAll = async () => {
    setConfirmDeleteAll(false);
    setBusy(true);
    const reply = await api.call('panel:deleteAllNotes', {});
    setBusy(false);
    setStatus(reply.ok ? { text: t('deletedAll', [reply.deleted]), error: false } : { text: t('errDelete', [reasonText(t)(reply.error)]), error: true });
    if (reply.ok) await onImported();
  };

  const send = async (data: unknown, onDuplicate?: DuplicatePolicy) => {
    setPending(null);
    setBusy(true);
    setStatus({ text: t('importing'), error: false });
    const reply = await api.call('panel:importNotes', { data, ...(onDuplicate ? { onDuplicate } : {}) });
    setBusy(false);
    setProgress(null);
    if (reply.ok) {
      setStatus({ text: reply.merged ? t('importedMerged', [reply.added, reply.merged, reply.skipped]) : t('imported', [reply.added, reply.skipped]), error: false });
      await onImported();
    } else {
      setStatus({ text: t('errImport', [reasonText(t)(reply.error)]), error: true });
    }
  };

  /** A reader's file: checked here first, then the reader chooses what to do with duplicates. */
  const importFile = async (data: unknown) => {
    const parsed = parseNotesFile(data);
    if (!parsed.ok) return setStatus({ text: t('errImport', [parsed.error]), error: true });
    const titles = new Set((notes ?? []).map((n) => foldKey(n.title)));
    const duplicates = parsed.notes.filter((n) => titles.has(foldKey(n.title))).length;
    if (duplicates) {
      setStatus(null);
      setPending({ data, duplicates });
    } else await send(data);
  };

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setBusy(true);
    setStatus({ text: t('readingFile'), error: false });
    const read = await readImportFile(file, (done, total) => setProgress({ done, total }));
    setBusy(false);
    if (!read.ok) {
      setProgress(null);
      return setStatus({ text: t('errImport', [read.error]), error: true });
    }
    await importFile(read.data);
  };

  const exportAs = (ext: 'json' | 'zip') => {
    if (!notes) return;
    saveFile(exportName(now(), ext), ext === 'json' ? exportJson(notes) : exportZip(notes));
    setStatus({ text: t('exported', [notes.length]), error: false });
  };

  return (
    <section class="notes-tools" aria-labelledby="your-notes">
      <h2 id="your-notes">{t('yourNotes')}</h2>
      <p class="muted" data-testid="note-count">{noteCount === null ? t('loading') : noteCount === 1 ? t('noteCountOne') : t('noteCountMany', [noteCount])}</p>
      <div class="actions">
        <button type="button" data-testid="new-note" onClick={onNew}>
          {t('newNote')}
        </button>
        {onLibrary && (
          <button type="button" class="secondary" data-testid="all-notes" onClick={onLibrary}>
            {t('allNotes')}
          </button>
        )}
        <label class={busy ? 'button secondary disabled' : 'button secondary'}>
          {t('importFile')}
          <input type="file" accept=".json,.zip,application/json,application/zip" class="visually-hidden" onChange={onFile} disabled={busy} data-testid="import-file" />
        </label>
        <button type="button" class="secondary" data-testid="load-starter" onClick={() => send(starterNotes)} disabled={busy}>
          {t('loadStarter')}
        </button>
      </div>
      {notes && notes.length > 0 && (
        <div class="actions">
          <button type="button" class="secondary" data-testid="export-json" onClick={() => exportAs('json')}>
            {t('exportJson')}
          </button>
          <button type="button" class="secondary" data-testid="export-zip" onClick={() => exportAs('zip')}>
            {t('exportZip')}
          </button>
          <button type="button" class="secondary danger" data-testid="delete-all" onClick={() => setConfirmDeleteAll(true)} disabled={busy}>
            {t('deleteAll')}
          </button>
        </div>
      )}
      {confirmDeleteAll && notes && (
        <div role="alertdialog" aria-labelledby="delete-all-text" class="notice" data-testid="delete-all-confirm">
          <p id="delete-all-text">{t('deleteAllConfirm', [notes.length])}</p>
          <div class="actions">
            <button type="button" class="secondary danger" data-testid="delete-all-yes" onClick={() => void deleteAll()}>
              {t('deleteAllYes')}
            </button>
            <button type="button" class="secondary" data-testid="delete-all-cancel" onClick={() => setConfirmDeleteAll(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {pending && (
        <div role="alertdialog" aria-labelledby="duplicates-text" class="notice" data-testid="duplicates">
          <p id="duplicates-text">{t('duplicatesText', [pending.duplicates])}</p>
          <div class="actions">
            <button type="button" data-testid="dup-merge" onClick={() => send(pending.data, 'merge')}>
              {t('dupMerge')}
            </button>
            <button type="button" class="secondary" data-testid="dup-keep" onClick={() => send(pending.data, 'keep')}>
              {t('dupKeepBoth')}
            </button>
            <button type="button" class="secondary" data-testid="dup-skip" onClick={() => send(pending.data, 'skip')}>
              {t('dupSkip')}
            </button>
            <button type="button" class="secondary" data-testid="dup-cancel" onClick={() => setPending(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {/* Reading a .zip reports how far it got; writing (one transaction in the background) is
          shown as ongoing until it is done. */}
      {busy && (progress ? <progress max={progress.total} value={progress.done} aria-label={t('readingFile')} /> : <progress aria-label={t('importing')} data-testid="busy" />)}
      {status && (
        <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
