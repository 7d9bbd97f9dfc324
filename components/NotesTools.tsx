/** The reader's notes collection: how many, New note, Import a notes file, Load starter notes. */
import { useState } from 'preact/hooks';
import type { PanelApi } from './api';

interface Props {
  api: PanelApi;
  noteCount: number | null;
  starterNotes: unknown;
  onNew: () => void;
  onImported: () => void | Promise<void>;
}

export function NotesTools({ api, noteCount, starterNotes, onNew, onImported }: Props) {
  const { t } = api;
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const importData = async (data: unknown) => {
    setBusy(true);
    setStatus({ text: t('importing'), error: false });
    const reply = await api.call('panel:importNotes', { data });
    setBusy(false);
    if (reply.ok) {
      setStatus({ text: t('imported', [reply.added, reply.skipped]), error: false });
      await onImported();
    } else {
      setStatus({ text: t('errImport', [reply.error]), error: true });
    }
  };

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await importData(await file.text());
  };

  return (
    <section class="notes-tools" aria-labelledby="your-notes">
      <h2 id="your-notes">{t('yourNotes')}</h2>
      <p class="muted" data-testid="note-count">{noteCount === null ? t('loading') : noteCount === 1 ? t('noteCountOne') : t('noteCountMany', [noteCount])}</p>
      <div class="actions">
        <button type="button" data-testid="new-note" onClick={onNew}>
          {t('newNote')}
        </button>
        <label class={busy ? 'button secondary disabled' : 'button secondary'}>
          {t('importFile')}
          <input type="file" accept=".json,application/json" class="visually-hidden" onChange={onFile} disabled={busy} />
        </label>
        <button type="button" class="secondary" data-testid="load-starter" onClick={() => importData(starterNotes)} disabled={busy}>
          {t('loadStarter')}
        </button>
      </div>
      {status && (
        <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
