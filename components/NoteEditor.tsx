/**
 * Create or edit a note: title, aliases (comma-separated) and body. Errors show inline next to
 * their field, checked here first and again by the background; nothing is written while any
 * field is invalid, and nothing typed is lost on an error.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { parseAliasField, validateNote, type FieldError, type Note } from '@/lib/notes/schema';
import type { PanelApi } from './api';

interface Props {
  api: PanelApi;
  /** The note to edit, or null for a new one. */
  note: Note | null;
  onSaved: (id: string) => void | Promise<void>;
  onCancel: () => void;
}

export function NoteEditor({ api, note, onSaved, onCancel }: Props) {
  const { t } = api;
  const [title, setTitle] = useState(note?.title ?? '');
  const [aliases, setAliases] = useState(note?.aliases.join(', ') ?? '');
  const [body, setBody] = useState(note?.body ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  // Layout effect: focus moves before the browser paints, so the first keystrokes the reader
  // types (or a test fills in) never land in a field that loses focus a moment later.
  useLayoutEffect(() => titleInput.current?.focus(), []);

  const errorFor = (field: FieldError['field']) => errors.find((e) => e.field === field);

  const submit = async (e: Event) => {
    e.preventDefault();
    const input = { ...(note ? { id: note.id } : {}), title, aliases: parseAliasField(aliases), body };
    const checked = validateNote(input);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors([]);
    setFailure(null);
    setSaving(true);
    const reply = await api.call('panel:saveNote', { note: input });
    setSaving(false);
    if (reply.ok) return void onSaved(reply.note.id);
    if ('errors' in reply) setErrors(reply.errors);
    else setFailure(reply.error);
  };

  return (
    <form class="editor" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()} noValidate>
      <h2>{note ? t('editNote') : t('newNote')}</h2>
      <Field id="note-title-input" label={t('titleLabel')} error={errorFor('title')} t={t}>
        <input
          id="note-title-input"
          ref={titleInput}
          value={title}
          onInput={(e) => setTitle(e.currentTarget.value)}
          aria-invalid={!!errorFor('title')}
          aria-describedby={errorFor('title') ? 'note-title-input-error' : undefined}
        />
      </Field>
      <Field id="note-aliases-input" label={t('aliasesLabel')} hint={t('aliasesHint')} error={errorFor('aliases')} t={t}>
        <input
          id="note-aliases-input"
          value={aliases}
          onInput={(e) => setAliases(e.currentTarget.value)}
          aria-invalid={!!errorFor('aliases')}
          aria-describedby={errorFor('aliases') ? 'note-aliases-input-error' : 'note-aliases-input-hint'}
        />
      </Field>
      <Field id="note-body-input" label={t('bodyLabel')} error={errorFor('body')} t={t}>
        <textarea id="note-body-input" rows={10} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </Field>
      {failure && <p role="alert" class="error">{t('errSave', [failure])}</p>}
      <div class="actions">
        <button type="submit" data-testid="save-note" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
        <button type="button" class="secondary" data-testid="cancel-edit" onClick={onCancel}>
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
