/**
 * The panel's version 2 note features as a reader uses them: delete with Undo, the All notes
 * library search, aliases as chips, drafts that survive closing the editor, and the conflict
 * dialog when the note changed elsewhere.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { articleState, createFakeApi, note } from './fake-api';
import { mount, unmountAll } from './mount';

afterEach(unmountAll);

const lagarde = () => note('lagarde', 'Christine Lagarde', ['Lagarde'], 'President of the **ECB**. [Site](https://ecb.europa.eu)', { tags: ['eu'], sources: [{ url: 'https://example.org/a' }] });

async function openNote() {
  const api = createFakeApi({ notes: [lagarde(), note('wh', 'White House', [], 'Residence', { tags: ['us'] })], tabs: { 7: articleState({ mentions: [{ noteId: 'lagarde', count: 1 }] }) } });
  const p = await mount(api);
  await p.click(p.get('button.term[data-term="Christine Lagarde"]'));
  return { api, p };
}

describe('note view', () => {
  it('shows tags, safe source links, formatted body and last edit', async () => {
    const { p } = await openNote();
    expect(p.get('[data-testid="note-tags"]').textContent).toBe('eu');
    expect(p.get('[data-testid="note-body"] strong').textContent).toBe('ECB');
    for (const a of p.all<HTMLAnchorElement>('.note a')) {
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.getAttribute('target')).toBe('_blank');
    }
    expect(p.get<HTMLAnchorElement>('[data-testid="note-sources"] a').href).toBe('https://example.org/a');
    expect(p.get('[data-testid="note-updated"]').textContent).toMatch(/^Last edited /);
  });
});

describe('delete with undo', () => {
  it('deletes, offers Undo, and Undo restores the exact note', async () => {
    const { api, p } = await openNote();
    await p.click(p.button('Delete'));
    expect(api.callsOf('panel:deleteNote')).toEqual([{ id: 'lagarde' }]);
    expect(p.get('[data-testid="undo-delete"]').textContent).toContain('Deleted "Christine Lagarde".');
    expect(api.notes.map((n) => n.id)).toEqual(['wh']);
    await p.click(p.button('Undo'));
    expect(api.callsOf('panel:restoreNote')[0]!.note).toEqual(lagarde());
    expect(api.notes.find((n) => n.id === 'lagarde')).toEqual(lagarde());
    expect(p.maybe('[data-testid="undo-delete"]')).toBeNull();
  });
});

describe('All notes', () => {
  it('finds notes by a fuzzy prefix and opens the chosen one', async () => {
    const { p } = await openNote();
    await p.click(p.get('[data-testid="back"]'));
    await p.click(p.button('All notes'));
    const search = p.get<HTMLInputElement>('[data-testid="library-search"]');
    await p.type(search, 'lagard');
    expect(p.all('[data-testid="library-list"] .term-title').map((e) => e.textContent)).toEqual(['Christine Lagarde']);
    await p.type(search, 'residnce');
    expect(p.all('[data-testid="library-list"] .term-title').map((e) => e.textContent)).toEqual(['White House']);
    await p.click(p.get('[data-note="White House"]'));
    expect(p.get('#note-title').textContent).toBe('White House');
    await p.click(p.get('[data-testid="back"]'));
    expect(p.maybe('[data-testid="library-search"]')).not.toBeNull();
  });
});

describe('editor v2', () => {
  it('Enter adds an alias chip, Backspace removes the last, chips have named remove buttons', async () => {
    const { p } = await openNote();
    await p.click(p.button('Edit'));
    const aliases = p.get<HTMLInputElement>('#note-aliases-input');
    await p.type(aliases, 'Madame Lagarde');
    await p.key(aliases, 'Enter');
    expect(p.all('.field:has(#note-aliases-input) .chip span').map((c) => c.textContent)).toEqual(['Lagarde', 'Madame Lagarde']);
    expect(p.all('.chip button').map((b) => b.getAttribute('aria-label'))).toContain('Remove alias "Madame Lagarde"');
    await p.key(aliases, 'Backspace');
    expect(p.all('.field:has(#note-aliases-input) .chip span').map((c) => c.textContent)).toEqual(['Lagarde']);
  });

  it('keeps a draft when the editor closes without Cancel, and restores it', async () => {
    const { p } = await openNote();
    await p.click(p.button('Edit'));
    await p.type(p.get<HTMLTextAreaElement>('#note-body-input'), 'Unsaved words');
    // A second panel (as after closing and reopening it) comes back to the editor with the draft.
    const again = await mount(createFakeApi({ notes: [lagarde()], tabs: { 7: articleState({ mentions: [{ noteId: 'lagarde', count: 1 }] }) } }));
    expect(again.get<HTMLTextAreaElement>('#note-body-input').value).toBe('Unsaved words');
    expect(again.get('[data-testid="draft-restored"]').textContent).toContain('Your unsaved changes were restored.');
    await again.click(again.button('Cancel'));
    expect(localStorage.getItem('gloss:draft:lagarde')).toBeNull();
  });

  it('asks before overwriting a note changed elsewhere', async () => {
    const { api, p } = await openNote();
    await p.click(p.button('Edit'));
    api.notes[0]!.updatedAt = 50; // someone else saved meanwhile
    await p.type(p.get<HTMLTextAreaElement>('#note-body-input'), 'Mine');
    await p.click(p.button('Save'));
    expect(p.get('[data-testid="conflict"]').textContent).toContain('This note changed elsewhere');
    expect(api.notes[0]!.body).not.toBe('Mine');
    await p.click(p.button('Overwrite'));
    expect(api.callsOf('panel:saveNote').map((c) => c.baseUpdatedAt)).toEqual([1, 50]);
    expect(api.notes.find((n) => n.id === 'lagarde')!.body).toBe('Mine');
  });

  it('a sources line that is not a web address is refused next to the field', async () => {
    const { api, p } = await openNote();
    await p.click(p.button('Edit'));
    await p.type(p.get<HTMLTextAreaElement>('#note-sources-input'), 'javascript:alert(1)');
    await p.click(p.button('Save'));
    expect(api.callsOf('panel:saveNote')).toEqual([]);
    expect(p.get('#note-sources-input-error').textContent).toBe('Each source must be a web address starting with http:// or https://.');
  });
});

describe('All notes with many notes', () => {
  it('draws the first 100 rows and "Show more" adds the next ones; a search starts over', async () => {
    const many = Array.from({ length: 250 }, (_, i) => note(`n${i}`, `Note number ${i}`, [], '', { updatedAt: i }));
    const p = await mount(createFakeApi({ notes: many, tabs: { 7: articleState() } }));
    await p.click(p.get('[data-testid="all-notes"]'));
    expect(p.get('[data-testid="library-count"]').textContent).toBe('250 notes.');
    expect(p.all('[data-testid="library-list"] li')).toHaveLength(100);
    await p.click(p.get('[data-testid="library-more"]'));
    expect(p.all('[data-testid="library-list"] li')).toHaveLength(200);
    expect(p.get('[data-testid="library-more"]').textContent).toBe('Show 50 more');
    await p.type(p.get<HTMLInputElement>('[data-testid="library-search"]'), 'number 12');
    expect(p.all('[data-testid="library-list"] li').length).toBeLessThanOrEqual(100);
    expect(p.all('[data-testid="library-list"] li')[0]!.textContent).toContain('Note number 12');
  });
});
