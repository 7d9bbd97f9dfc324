/** "Your notes": the count, Load starter notes, import errors, and New note. */
import { afterEach, describe, expect, it } from 'vitest';
import { articleState, createFakeApi, note } from './fake-api';
import { mount, unmountAll } from './mount';

afterEach(unmountAll);

const STARTER = {
  format: 'gloss-notes',
  version: 1,
  notes: [
    { title: 'European Central Bank', aliases: ['ECB'], body: 'The central bank of the euro area.' },
    { title: 'Christine Lagarde', aliases: ['Lagarde'], body: 'President of the ECB.' },
    { title: 'Federal Reserve', aliases: ['Fed'], body: 'The US central bank.' },
  ],
};

describe('notes tools', () => {
  it('shows how many notes there are', async () => {
    const p = await mount(createFakeApi({ tabs: { 7: articleState() } }));
    expect(p.get('[data-testid="note-count"]').textContent).toBe('0 notes.');
    const q = await mount(createFakeApi({ notes: [note('a', 'A')], tabs: { 7: articleState() } }));
    expect(q.get('[data-testid="note-count"]').textContent).toBe('1 note.');
  });

  it('Load starter notes imports the starter data and says how many were added', async () => {
    const api = createFakeApi({ notes: [note('lagarde', 'Christine Lagarde')], tabs: { 7: articleState() } });
    const p = await mount(api, { starterNotes: STARTER });
    await p.click(p.button('Load starter notes'));

    expect(api.callsOf('panel:importNotes')).toEqual([{ data: STARTER }]);
    expect(p.get('[role="status"]').textContent).toBe('Added 2 notes, skipped 1 already present.');
    // The list is reloaded after the import.
    expect(p.get('[data-testid="note-count"]').textContent).toBe('3 notes.');
  });

  it('shows "Importing…" while the import runs', async () => {
    const api = createFakeApi({ tabs: { 7: articleState() } });
    let release!: () => void;
    api.respond('panel:importNotes', () => new Promise((r) => (release = () => r({ ok: true, added: 3, merged: 0, skipped: 0 }))));
    const p = await mount(api, { starterNotes: STARTER });
    await p.click(p.button('Load starter notes'));
    expect(p.text()).toContain('Importing…');
    expect(p.get('[data-testid="busy"]').getAttribute('aria-label')).toBe('Importing…');
    expect(p.button('Load starter notes').disabled).toBe(true);
    await p.emit(() => release());
    expect(p.text()).toContain('Added 3 notes, skipped 0 already present.');
    expect(p.maybe('[data-testid="busy"]')).toBeNull();
    expect(p.button('Load starter notes').disabled).toBe(false);
  });

  it('an import failure says nothing was imported, and why', async () => {
    const api = createFakeApi({ tabs: { 7: articleState() } });
    const p = await mount(api, { starterNotes: { format: 'something-else' } });
    await p.click(p.button('Load starter notes'));
    expect(p.alerts()).toEqual(['Nothing was imported: Not a Gloss notes file (expected "format": "gloss-notes").']);
    expect(p.get('[data-testid="note-count"]').textContent).toBe('0 notes.');
  });

  it('a transport failure during import is reported the same way', async () => {
    const api = createFakeApi({ tabs: { 7: articleState() } });
    api.respond('panel:importNotes', () => ({ ok: false, error: 'no-reply' }));
    const p = await mount(api, { starterNotes: STARTER });
    await p.click(p.button('Load starter notes'));
    expect(p.alerts()).toEqual(["Nothing was imported: Gloss's background did not answer"]);
  });

  it('a full storage says so and what to do, instead of the browser\'s raw quota error', async () => {
    const api = createFakeApi({ tabs: { 7: articleState() } });
    api.respond('panel:importNotes', () => ({ ok: false, error: 'storage-full' }));
    const p = await mount(api, { starterNotes: STARTER });
    await p.click(p.button('Load starter notes'));
    expect(p.alerts()).toEqual([
      'Nothing was imported: the browser has no storage space left for Gloss: free some disk space, or export and delete notes you no longer need',
    ]);
  });

  it('New note opens an empty editor, and saving it creates the note', async () => {
    const api = createFakeApi({ tabs: { 7: articleState() } });
    const p = await mount(api);
    await p.click(p.button('New note'));

    expect(p.get('h2').textContent).toBe('New note');
    const title = p.get<HTMLInputElement>('#note-title-input');
    expect(title.value).toBe('');
    expect(p.get<HTMLInputElement>('#note-aliases-input').value).toBe('');
    expect(p.get<HTMLTextAreaElement>('#note-body-input').value).toBe('');
    expect(document.activeElement).toBe(title);

    await p.type(title, 'Bundesbank');
    await p.type(p.get<HTMLTextAreaElement>('#note-body-input'), 'Germany’s central bank.');
    await p.click(p.button('Save'));
    const sent = api.callsOf('panel:saveNote');
    expect(sent).toEqual([{ note: { title: 'Bundesbank', aliases: [], tags: [], sources: [], body: 'Germany’s central bank.' } }]);
    expect(p.get('#note-title').textContent).toBe('Bundesbank');
  });

  it('Escape in a new note goes back to the page', async () => {
    const api = createFakeApi({ tabs: { 7: articleState() } });
    const p = await mount(api);
    await p.click(p.button('New note'));
    await p.key(p.get('#note-title-input'), 'Escape');
    expect(p.maybe('form.editor')).toBeNull();
    expect(p.hasButton('New note')).toBe(true);
    expect(api.callsOf('panel:saveNote')).toEqual([]);
  });
});

describe('delete all notes', () => {
  it('asks first; Cancel keeps everything, confirming deletes every note', async () => {
    const api = createFakeApi({ notes: [note('a', 'Alpha Centauri'), note('b', 'Bravo Company')], tabs: { 7: articleState() } });
    const p = await mount(api);
    await p.click(p.get('[data-testid="delete-all"]'));
    expect(p.get('[data-testid="delete-all-confirm"]').textContent).toContain('Delete all 2 notes?');
    await p.click(p.get('[data-testid="delete-all-cancel"]'));
    expect(api.callsOf('panel:deleteAllNotes')).toEqual([]);
    await p.click(p.get('[data-testid="delete-all"]'));
    await p.click(p.get('[data-testid="delete-all-yes"]'));
    expect(api.callsOf('panel:deleteAllNotes')).toEqual([{}]);
    expect(p.text()).toContain('Deleted 2 notes.');
    expect(p.get('[data-testid="note-count"]').textContent).toBe('0 notes.');
  });
});
