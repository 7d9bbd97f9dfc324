/**
 * The note editor as a reader uses it: edit and save, inline errors next to the field (checked
 * before anything is sent, and again by the background), transport failures that keep what was
 * typed, and Escape to cancel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { articleState, createFakeApi, note } from './fake-api';
import { mount, unmountAll } from './mount';

afterEach(unmountAll);

function setup() {
  const api = createFakeApi({
    notes: [note('lagarde', 'Christine Lagarde', ['Lagarde'], 'President of the ECB since 2019.')],
    tabs: { 7: articleState({ mentions: [{ noteId: 'lagarde', count: 2 }] }) },
  });
  return api;
}

/** Mounts the panel and opens the editor on the Lagarde note (page → term → Edit). */
async function openEditor(api = setup()) {
  const p = await mount(api);
  await p.click(p.get('button.term[data-term="Christine Lagarde"]'));
  await p.click(p.button('Edit'));
  const fields = {
    title: p.get<HTMLInputElement>('#note-title-input'),
    aliases: p.get<HTMLInputElement>('#note-aliases-input'),
    body: p.get<HTMLTextAreaElement>('#note-body-input'),
  };
  return { api, p, ...fields };
}

describe('editing a note', () => {
  it('opens with the note filled in and the title focused', async () => {
    const { p, title, aliases, body } = await openEditor();
    expect(p.get('h2').textContent).toBe('Edit note');
    expect(title.value).toBe('Christine Lagarde');
    expect(aliases.value).toBe('');
    expect(p.all('.chip span').map((c) => c.textContent)).toEqual(['Lagarde']);
    expect(body.value).toBe('President of the ECB since 2019.');
    expect(document.activeElement).toBe(title);
    expect(p.get('#note-aliases-input-hint').textContent).toBe('Other spellings, separated by commas.');
  });

  it('Save sends the changed body and aliases and then shows the saved note', async () => {
    const { api, p, aliases, body } = await openEditor();
    await p.type(aliases, 'Madame Lagarde');
    await p.type(body, 'French lawyer and politician, ECB president.');
    await p.click(p.button('Save'));

    const sent = api.callsOf('panel:saveNote');
    expect(sent).toHaveLength(1);
    const input = sent[0]!.note;
    expect(input.id).toBe('lagarde');
    expect(input.title).toBe('Christine Lagarde');
    // The comma-separated field is split; surrounding spaces are the background's to trim.
    expect(input.aliases.map((a) => a.trim())).toEqual(['Lagarde', 'Madame Lagarde']);
    expect(sent[0]!.baseUpdatedAt).toBe(1);
    expect(input.body).toBe('French lawyer and politician, ECB president.');

    expect(p.maybe('form.editor')).toBeNull();
    expect(p.get('#note-title').textContent).toBe('Christine Lagarde');
    expect(p.get('[data-testid="note-body"]').textContent).toBe('French lawyer and politician, ECB president.');
    expect(p.text()).toContain('Aliases: Lagarde, Madame Lagarde');
    expect(p.text()).toContain('Mentioned 2 times on this page.');
  });

  it('an empty title shows "The title cannot be empty." next to the field and sends nothing', async () => {
    const { api, p, title, body } = await openEditor();
    await p.type(body, 'Typed before the mistake.');
    await p.type(title, '   ');
    await p.click(p.button('Save'));

    expect(api.callsOf('panel:saveNote')).toEqual([]);
    const error = p.get('#note-title-input-error');
    expect(error.textContent).toBe('The title cannot be empty.');
    expect(error.getAttribute('role')).toBe('alert');
    // Next to its field, and tied to it for assistive technology.
    expect(error.closest('.field')?.querySelector('input')).toBe(title);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(title.getAttribute('aria-describedby')).toBe('note-title-input-error');
    expect(p.get('#note-aliases-input').getAttribute('aria-invalid')).toBe('false');
    // Nothing typed is lost.
    expect(p.get<HTMLTextAreaElement>('#note-body-input').value).toBe('Typed before the mistake.');
  });

  it('aliases that are only commas and spaces show the alias error and send nothing', async () => {
    const { api, p, aliases } = await openEditor();
    await p.type(aliases, ', ,  ');
    await p.click(p.button('Save'));

    expect(api.callsOf('panel:saveNote')).toEqual([]);
    expect(p.get('#note-aliases-input-error').textContent).toBe('An alias cannot be empty or only spaces.');
    expect(aliases.getAttribute('aria-invalid')).toBe('true');
    expect(aliases.getAttribute('aria-describedby')).toBe('note-aliases-input-error');
    // The hint gives way to the error.
    expect(p.maybe('#note-aliases-input-hint')).toBeNull();
    expect(p.maybe('#note-title-input-error')).toBeNull();
    expect(aliases.value).toBe(', ,  ');
  });

  it('fixing the field clears the error on the next Save', async () => {
    const { api, p, title } = await openEditor();
    await p.type(title, '');
    await p.click(p.button('Save'));
    expect(p.maybe('#note-title-input-error')).not.toBeNull();
    await p.type(title, 'Christine Lagarde');
    await p.click(p.button('Save'));
    expect(api.callsOf('panel:saveNote')).toHaveLength(1);
    expect(p.maybe('form.editor')).toBeNull();
  });

  it('shows the field errors the background returns', async () => {
    const api = setup();
    api.respond('panel:saveNote', () => ({ ok: false, errors: [{ field: 'title', message: 'errTitleLong' }] }));
    const { p, title } = await openEditor(api);
    await p.click(p.button('Save'));

    expect(api.callsOf('panel:saveNote')).toHaveLength(1);
    expect(p.get('#note-title-input-error').textContent).toBe('The title is longer than 200 characters.');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(p.get('form.editor')).toBeTruthy();
  });

  it('a transport failure shows an error and keeps what was typed', async () => {
    const api = setup();
    api.respond('panel:saveNote', () => ({ ok: false, error: 'no-reply' }));
    const { p, title, aliases, body } = await openEditor(api);
    await p.type(title, 'Christine Lagarde (ECB)');
    await p.type(aliases, 'Lagarde, CL');
    await p.type(body, 'A long note I do not want to type again.');
    await p.click(p.button('Save'));

    expect(api.callsOf('panel:saveNote')).toHaveLength(1);
    expect(p.alerts()).toEqual(["Couldn't save the note (Gloss's background did not answer). Your text is still here; try again."]);
    expect(p.get<HTMLInputElement>('#note-title-input').value).toBe('Christine Lagarde (ECB)');
    expect(p.get<HTMLInputElement>('#note-aliases-input').value).toBe('Lagarde, CL');
    expect(p.get<HTMLTextAreaElement>('#note-body-input').value).toBe('A long note I do not want to type again.');
    // Save works again once the background answers.
    const saveButton = p.button('Save');
    expect(saveButton.disabled).toBe(false);
  });

  it('a full storage is explained, and what was typed stays', async () => {
    const api = setup();
    api.respond('panel:saveNote', () => ({ ok: false, error: 'storage-full' }));
    const { p, title, body } = await openEditor(api);
    await p.type(title, 'Christine Lagarde');
    await p.type(body, 'Kept.');
    await p.click(p.button('Save'));
    expect(p.alerts()).toEqual([
      "Couldn't save the note (the browser has no storage space left for Gloss: free some disk space, or export and delete notes you no longer need). Your text is still here; try again.",
    ]);
    expect(p.get<HTMLTextAreaElement>('#note-body-input').value).toBe('Kept.');
  });

  it('shows "Saving…" and disables Save while the background works', async () => {
    const api = setup();
    let release!: () => void;
    const original = { ok: true as const, note: note('lagarde', 'Christine Lagarde', ['Lagarde'], 'x') };
    api.respond('panel:saveNote', () => new Promise((r) => (release = () => r(original))));
    const { p } = await openEditor(api);
    await p.click(p.get('[data-testid="save-note"]'));
    const button = p.get<HTMLButtonElement>('[data-testid="save-note"]');
    expect(button.textContent).toBe('Saving…');
    expect(button.disabled).toBe(true);
    await p.emit(() => release());
    expect(p.maybe('form.editor')).toBeNull();
  });

  it('Escape cancels: back to the note, unchanged, nothing sent', async () => {
    const { api, p, body } = await openEditor();
    await p.type(body, 'Not to be kept');
    await p.key(body, 'Escape');
    expect(api.callsOf('panel:saveNote')).toEqual([]);
    expect(p.maybe('form.editor')).toBeNull();
    expect(p.get('[data-testid="note-body"]').textContent).toBe('President of the ECB since 2019.');
  });

  it('Cancel does the same', async () => {
    const { api, p } = await openEditor();
    await p.click(p.button('Cancel'));
    expect(api.callsOf('panel:saveNote')).toEqual([]);
    expect(p.get('#note-title').textContent).toBe('Christine Lagarde');
  });
});
