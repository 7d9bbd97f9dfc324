/**
 * The panel's links with the page: previous / next mention, a mention clicked on the page
 * opening its note (as an event, or asked for by a panel that click just opened), the notice
 * for text cut off behind a gate, and the reader's overlay rules for the shown site.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { articleState, createFakeApi, note } from './fake-api';
import { mount, unmountAll } from './mount';
import { formatDate } from '../../../components/PageHeader';

afterEach(unmountAll);

const NOTES = [note('lagarde', 'Christine Lagarde', ['Lagarde'], 'President of the ECB'), note('ecb', 'European Central Bank')];
const TABS = { 7: articleState({ mentions: [{ noteId: 'lagarde', count: 3 }, { noteId: 'ecb', count: 1 }] }) };

describe('previous / next mention', () => {
  it('Next starts at the first mention, steps on and wraps; Previous goes back', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: TABS });
    const p = await mount(api);
    await p.click(p.get('button.term[data-term="Christine Lagarde"]'));
    const next = p.get('[data-testid="next-mention"]');
    expect(next.getAttribute('aria-label')).toBe('Next mention');
    await p.click(next);
    expect(p.get('[data-testid="mention-position"]').textContent).toBe('Mention 1 of 3');
    await p.click(next);
    await p.click(next);
    await p.click(next);
    expect(p.get('[data-testid="mention-position"]').textContent).toBe('Mention 1 of 3');
    await p.click(p.get('[data-testid="prev-mention"]'));
    expect(p.get('[data-testid="mention-position"]').textContent).toBe('Mention 3 of 3');
    expect(api.callsOf('panel:showMention').map((c) => c.index)).toEqual([0, 1, 2, 3, -1]);
    expect(api.callsOf('panel:showMention').every((c) => c.tabId === 7 && c.noteId === 'lagarde')).toBe(true);
  });

  it('a failed scroll (tab gone) leaves the position as it was', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: TABS });
    api.respond('panel:showMention', () => ({ ok: false, error: 'no-reply' }));
    const p = await mount(api);
    await p.click(p.get('button.term[data-term="Christine Lagarde"]'));
    await p.click(p.get('[data-testid="next-mention"]'));
    expect(p.get('[data-testid="mention-position"]').textContent).toBe('');
  });
});

describe('a mention clicked on the page', () => {
  it('an open panel showing that tab opens the note; another tab is ignored', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: TABS });
    const p = await mount(api);
    await p.emit(() => api.emit({ kind: 'request', tabId: 8, request: { kind: 'note', noteId: 'ecb' } }));
    expect(p.maybe('.note')).toBeNull();
    await p.emit(() => api.emit({ kind: 'request', tabId: 7, request: { kind: 'note', noteId: 'ecb' } }));
    expect(p.get('#note-title').textContent).toBe('European Central Bank');
  });

  it('a panel opened by that click asks for the note and shows it', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: TABS });
    api.respond('panel:takeRequest', ({ tabId }) => ({ ok: true, request: tabId === 7 ? { kind: 'note', noteId: 'lagarde' } : null }));
    const p = await mount(api);
    expect(p.get('#note-title').textContent).toBe('Christine Lagarde');
  });
});

describe('"Add note for …" on a selection', () => {
  it('opens the editor with the selection as title and the page as source; saving creates the note', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: TABS });
    const p = await mount(api);
    const request = { kind: 'new' as const, title: 'Los Chapitos', source: { url: 'https://news.example.com/2025/rates', title: 'Rates' } };
    await p.emit(() => api.emit({ kind: 'request', tabId: 7, request }));
    expect(p.get<HTMLInputElement>('#note-title-input').value).toBe('Los Chapitos');
    expect(p.get<HTMLTextAreaElement>('#note-sources-input').value).toBe('https://news.example.com/2025/rates');
    await p.click(p.get('[data-testid="save-note"]'));
    expect(api.callsOf('panel:saveNote')[0]!.note).toMatchObject({ title: 'Los Chapitos', sources: [{ url: 'https://news.example.com/2025/rates' }] });
    expect(p.get('#note-title').textContent).toBe('Los Chapitos');
  });
});

describe('text cut off behind a gate', () => {
  it('says the full text is not on this page, and nothing when it is', async () => {
    const gated = await mount(createFakeApi({ notes: NOTES, tabs: { 7: articleState({ gate: 'truncated' }) } }));
    expect(gated.get('[data-testid="gate-notice"]').textContent).toContain("The full text isn't on this page");
    unmountAll();
    const open = await mount(createFakeApi({ notes: NOTES, tabs: TABS }));
    expect(open.maybe('[data-testid="gate-notice"]')).toBeNull();
  });
});

describe("the reader's overlay rules for the site", () => {
  it('names a bad line and saves nothing; a good list is saved for the site only', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: TABS });
    const p = await mount(api);
    const area = p.get<HTMLTextAreaElement>('[data-testid="site-rules"]');
    await p.type(area, '##.paywall-modal\nnews.example.com##div[');
    await p.click(p.get('[data-testid="save-rules"]'));
    expect(p.get('[data-testid="site-rules-errors"]').textContent).toMatch(/^Line 2: invalid CSS selector/);
    expect(api.callsOf('panel:updateSettings')).toEqual([]);

    await p.type(area, '##.paywall-modal\nnews.example.com#@#.login-dialog');
    await p.click(p.get('[data-testid="save-rules"]'));
    expect(p.maybe('[data-testid="site-rules-errors"]')).toBeNull();
    expect(api.callsOf('panel:updateSettings')).toEqual([
      { site: 'news.example.com', sitePatch: { rules: '##.paywall-modal\nnews.example.com#@#.login-dialog' } },
    ]);
    expect(p.text()).toContain('Rules saved.');
  });
});

describe('closing and reopening the panel', () => {
  it('comes back to the note the reader was reading', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: TABS });
    const p = await mount(api);
    await p.click(p.get('button.term[data-term="European Central Bank"]'));
    expect(p.get('#note-title').textContent).toBe('European Central Bank');
    unmountAll({ keepStorage: true });
    const again = await mount(api);
    expect(again.get('#note-title').textContent).toBe('European Central Bank');
    await again.click(again.get('[data-testid="back"]'));
    unmountAll({ keepStorage: true });
    const third = await mount(api);
    expect(third.maybe('#note-title')).toBeNull();
    expect(third.maybe('[data-testid="term-list"]')).not.toBeNull();
  });

  it('a remembered note that was deleted meanwhile leaves the page screen', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: TABS });
    const p = await mount(api);
    await p.click(p.get('button.term[data-term="European Central Bank"]'));
    unmountAll({ keepStorage: true });
    api.notes.splice(api.notes.findIndex((n) => n.id === 'ecb'), 1);
    const again = await mount(api);
    expect(again.maybe('#note-title')).toBeNull();
    expect(again.maybe('[data-testid="term-list"]')).not.toBeNull();
  });
});

describe('settings: highlight colour and the sites list', () => {
  it('choosing a colour saves it globally', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: TABS });
    const p = await mount(api);
    expect(p.get<HTMLInputElement>('[data-testid="color-yellow"]').checked).toBe(true);
    await p.click(p.get('[data-testid="color-blue"]'));
    expect(api.callsOf('panel:updateSettings')).toEqual([{ global: { highlightColor: 'blue' } }]);
    expect(p.get<HTMLInputElement>('[data-testid="color-blue"]').checked).toBe(true);
  });

  it('lists sites with their own settings, and Reset returns one to the global settings', async () => {
    const api = createFakeApi({ notes: NOTES, tabs: TABS });
    const p = await mount(api);
    expect(p.text()).toContain('None yet');
    await p.click(p.get('[data-testid="site-no-overlays"]'));
    const list = p.get('[data-testid="site-list"]');
    expect(list.textContent).toContain('news.example.com');
    expect(list.textContent).toContain('overlays kept');
    await p.click(p.get('button[aria-label="Reset the settings of news.example.com"]'));
    expect(p.maybe('[data-testid="site-list"]')).toBeNull();
    expect(p.get<HTMLInputElement>('[data-testid="site-no-overlays"]').checked).toBe(false);
  });
});

describe('the header', () => {
  it("names the page's language", async () => {
    const p = await mount(createFakeApi({ notes: NOTES, tabs: TABS }));
    expect(p.get('[data-testid="page-lang"]').textContent).toBe(' · English');
  });

  it("shows the article's byline and publication date; nothing when the page gives neither", async () => {
    const credited = articleState({});
    credited.article = { ...credited.article, byline: 'By Elena Reina', published: '2025-11-20T05:40:00+01:00' };
    const p = await mount(createFakeApi({ notes: NOTES, tabs: { 7: credited } }));
    expect(p.get('[data-testid="page-credits"]').textContent).toBe('By Elena Reina · Nov 20, 2025');
    const bare = await mount(createFakeApi({ notes: NOTES, tabs: TABS }));
    expect(bare.maybe('[data-testid="page-credits"]')).toBeNull();
    // Credited to the site itself (the seed: "EL PAÍS" on EL PAÍS): only the date is news.
    const bySite = articleState({});
    bySite.article = { ...bySite.article, byline: bySite.article.siteName.toUpperCase(), published: '2025-11-21T05:00:00Z' };
    const q = await mount(createFakeApi({ notes: NOTES, tabs: { 7: bySite } }));
    expect(q.get('[data-testid="page-credits"]').textContent).toBe('Nov 21, 2025');
  });
});

describe('formatDate', () => {
  it('a day in the UI language; a bare date is that day everywhere; not a date is nothing', () => {
    expect(formatDate('2024-03-12T08:00:00Z', 'en')).toBe('Mar 12, 2024');
    expect(formatDate('2024-03-12', 'es')).toBe('12 mar 2024');
    expect(formatDate('2024-03-01', 'en_US')).toBe('Mar 1, 2024');
    expect(formatDate('last Tuesday', 'en')).toBe('');
  });
});

describe('Also mentioned', () => {
  const suggestions = [
    { label: 'Claudia Sheinbaum', aliases: ['Claudia Sheinbaum', 'Sheinbaum'], count: 3, sentence: 'President  Claudia Sheinbaum said on Monday that talks would go on.' },
    { label: 'Christine Lagarde', aliases: ['Lagarde'], count: 2, sentence: 'x' },
    { label: 'narco-terrorism', aliases: [], count: 1, sentence: '' },
  ];
  const tabs = { 7: articleState({ mentions: [{ noteId: 'lagarde', count: 3 }], suggestions }) };

  it('lists names without a note; Add note opens the editor prefilled with aliases, quote and source', async () => {
    const api = createFakeApi({ notes: NOTES, tabs });
    const p = await mount(api);
    expect(p.all('[data-suggestion]').map((e) => e.getAttribute('data-suggestion'))).toEqual(['Claudia Sheinbaum', 'narco-terrorism']);
    await p.click(p.get('[data-suggestion="Claudia Sheinbaum"] [data-testid="add-suggestion"]'));
    expect(p.get<HTMLInputElement>('#note-title-input').value).toBe('Claudia Sheinbaum');
    expect(p.all('.chip span').map((c) => c.textContent)).toEqual(['Sheinbaum']);
    expect(p.get<HTMLTextAreaElement>('#note-body-input').value).toBe('> President Claudia Sheinbaum said on Monday that talks would go on.\n');
    expect(p.get<HTMLTextAreaElement>('#note-sources-input').value).toBe('https://news.example.com/2025/rates');
  });

  it('dismissing hides a suggestion on this site and remembers it', async () => {
    const api = createFakeApi({ notes: NOTES, tabs });
    const p = await mount(api);
    await p.click(p.get('[data-suggestion="narco-terrorism"] [data-testid="dismiss-suggestion"]'));
    expect(api.callsOf('panel:updateSettings')).toEqual([{ site: 'news.example.com', sitePatch: { dismissed: ['narco-terrorism'] } }]);
    expect(p.maybe('[data-suggestion="narco-terrorism"]')).toBeNull();
    expect(p.maybe('[data-suggestion="Claudia Sheinbaum"]')).not.toBeNull();
  });
});
