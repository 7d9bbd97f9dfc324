/**
 * Create or edit a note: title, aliases and tags (as chips), sources (one URL per line) and the
 * Markdown body. Errors show inline next to their field, checked here first and again by the
 * background; nothing is written while any field is invalid, and nothing typed is lost: on an
 * error, on a tab switch or a closed panel (the draft is kept in local storage), or when the
 * note changed elsewhere meanwhile (the reader chooses: overwrite, keep theirs, or go on editing).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { parseAliasField, parseSourcesField, validateNote, type FieldError, type Note, type NoteInput } from '@/lib/notes/schema';
import type { PanelApi } from './api';
import { ChipInput } from './notes/ChipInput';
import { clearDraft, defaultDraftStorage, loadDraft, saveDraft, type Draft, type DraftStorage } from './notes/drafts';
import { reasonText } from './reasons';

interface Props {
  api: PanelApi;
  /** The note to edit, or null for a new one. */
  note: Note | null;
  onSaved: (id: string) => void | Promise<void>;
  onCancel: () => void;
  /** Where drafts are kept; the page's localStorage by default, null for none. */
  drafts?: DraftStorage | null;
  /** For a new note: fields to start from (a selection on the page, a suggested term). */
  prefill?: Prefill;
}

/** Fields a new note can start from; `sources` one URL per line, as in the field. */
export type Prefill = Partial<Pick<Draft, 'title' | 'aliases' | 'sources' | 'body'>>;

function fromNote(note: Note | null): Draft {
  return {
    title: note?.title ?? '',
    aliases: note ? [...note.aliases] : [],
    aliasText: '',
    tags: note ? [...note.tags] : [],
    tagText: '',
    sources: note ? note.sources.map((s) => s.url).join('\n') : '',
    body: note?.body ?? '',
    baseUpdatedAt: note?.updatedAt ?? null,
  };
}

export function NoteEditor({ api, note, onSaved, onCancel, drafts = defaultDraftStorage(), prefill }: Props) {
  const { t } = api;
  const noteId = note?.id ?? null;
  // A prefilled new note is a fresh start the reader asked for: it wins over an old draft.
  const [restored] = useState(() => (prefill && !note ? null : loadDraft(drafts, noteId)));
  const [form, setForm] = useState<Draft>(() => restored ?? { ...fromNote(note), ...(note ? {} : prefill) });
  const [showRestored, setShowRestored] = useState(!!restored);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Note | null>(null);
  const [saving, setSaving] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const dirty = useRef(false);
  // Layout effect: focus moves before the browser paints, so the first keystrokes the reader
  // types (or a test fills in) never land in a field that loses focus a moment later.
  useLayoutEffect(() => titleInput.current?.focus(), []);
  // Every change is kept as a draft (not the untouched form: opening is not editing).
  useEffect(() => {
    if (dirty.current) saveDraft(drafts, noteId, form);
  }, [form, drafts, noteId]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    dirty.current = true;
    setForm((f) => ({ ...f, [key]: value }));
  };
  const errorFor = (field: FieldError['field']) => errors.find((e) => e.field === field);
  const describedBy = (id: string, field: FieldError['field'], hint = true) => (errorFor(field) ? `${id}-error` : hint ? `${id}-hint` : undefined);

  const input = (): NoteInput => ({
    ...(note ? { id: note.id } : {}),
    title: form.title,
    // Text still in the field counts; empty pieces are kept so validation can flag them.
    aliases: [...form.aliases, ...parseAliasField(form.aliasText)],
    tags: [...form.tags, ...parseAliasField(form.tagText)],
    sources: parseSourcesField(form.sources),
    body: form.body,
  });

  const send = async (baseUpdatedAt: number | null) => {
    const value = input();
    const checked = validateNote(value);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors([]);
    setFailure(null);
    setConflict(null);
    setSaving(true);
    const reply = await api.call('panel:saveNote', { note: value, ...(baseUpdatedAt !== null && note ? { baseUpdatedAt } : {}) });
    setSaving(false);
    if (reply.ok) {
      clearDraft(drafts, noteId);
      return void onSaved(reply.note.id);
    }
    if ('errors' in reply) setErrors(reply.errors);
    else if ('conflict' in reply) setConflict(reply.conflict);
    else setFailure(reply.error);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    void send(form.baseUpdatedAt);
  };
  const cancel = () => {
    clearDraft(drafts, noteId);
    onCancel();
  };
  const discardDraft = () => {
    clearDraft(drafts, noteId);
    dirty.current = false;
    setForm(fromNote(note));
    setShowRestored(false);
  };

  return (
    <form class="editor" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && !conflict && cancel()} noValidate>
      <h2>{note ? t('editNote') : t('newNote')}</h2>
      {showRestored && (
        <div class="notice" role="status" data-testid="draft-restored">
          {t('draftRestored')}{' '}
          <button type="button" class="link" onClick={discardDraft}>
            {t('discardDraft')}
          </button>
        </div>
      )}
      <Field id="note-title-input" label={t('titleLabel')} error={errorFor('title')} t={t}>
        <input
          id="note-title-input"
          ref={titleInput}
          value={form.title}
          onInput={(e) => set('title', e.currentTarget.value)}
          aria-invalid={!!errorFor('title')}
          aria-describedby={errorFor('title') ? 'note-title-input-error' : undefined}
        />
      </Field>
      <Field id="note-aliases-input" label={t('aliasesLabel')} hint={t('aliasesHint')} error={errorFor('aliases')} t={t}>
        <ChipInput
          id="note-aliases-input"
          values={form.aliases}
          onChange={(v) => set('aliases', v)}
          text={form.aliasText}
          onText={(v) => set('aliasText', v)}
          listLabel={t('aliasesLabel')}
          removeLabel={(v) => t('removeAlias', [v])}
          inputProps={{ 'aria-invalid': !!errorFor('aliases'), 'aria-describedby': describedBy('note-aliases-input', 'aliases') }}
        />
      </Field>
      <Field id="note-tags-input" label={t('tagsLabel')} hint={t('tagsHint')} error={errorFor('tags')} t={t}>
        <ChipInput
          id="note-tags-input"
          values={form.tags}
          onChange={(v) => set('tags', v)}
          text={form.tagText}
          onText={(v) => set('tagText', v)}
          listLabel={t('tagsLabel')}
          removeLabel={(v) => t('removeTag', [v])}
          inputProps={{ 'aria-invalid': !!errorFor('tags'), 'aria-describedby': describedBy('note-tags-input', 'tags') }}
        />
      </Field>
      <Field id="note-sources-input" label={t('sourcesLabel')} hint={t('sourcesHint')} error={errorFor('sources')} t={t}>
        <textarea
          id="note-sources-input"
          rows={3}
          value={form.sources}
          onInput={(e) => set('sources', e.currentTarget.value)}
          aria-invalid={!!errorFor('sources')}
          aria-describedby={describedBy('note-sources-input', 'sources')}
        />
      </Field>
      <Field id="note-body-input" label={t('bodyLabel')} hint={t('bodyHint')} error={errorFor('body')} t={t}>
        <textarea id="note-body-input" rows={10} value={form.body} onInput={(e) => set('body', e.currentTarget.value)} aria-describedby="note-body-input-hint" />
      </Field>
      {failure && <p role="alert" class="error">{t('errSave', [reasonText(t)(failure)])}</p>}
      {conflict && (
        <div role="alertdialog" aria-labelledby="conflict-text" class="notice conflict" data-testid="conflict">
          <p id="conflict-text">{t('conflictText')}</p>
          <div class="actions">
            <button type="button" data-testid="conflict-overwrite" onClick={() => void send(conflict.updatedAt)}>
              {t('conflictOverwrite')}
            </button>
            <button
              type="button"
              class="secondary"
              data-testid="conflict-theirs"
              onClick={() => {
                clearDraft(drafts, noteId);
                void onSaved(conflict.id);
              }}
            >
              {t('conflictKeepTheirs')}
            </button>
            <button type="button" class="secondary" data-testid="conflict-cancel" onClick={() => setConflict(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <div class="actions">
        <button type="submit" data-testid="save-note" disabled={saving || !!conflict}>
          {saving ? t('saving') : t('save')}
        </button>
        <button type="button" class="secondary" data-testid="cancel-edit" onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error: FieldError | undefined;
  t: PanelApi['t'];
  children: preact.ComponentChildren;
}

function Field({ id, label, hint, error, t, children }: FieldProps) {
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      {children}
      {hint && !error && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`} role="alert">
          {t(error.message)}
        </p>
      )}
    </div>
  );
}
