/**
 * "Add note for “…”": the menu item is (re)created at every start, and a click on it opens the
 * panel synchronously (inside the click's user input) with a new-note request for the selection.
 */
import { describe, expect, it } from 'vitest';
import { installMenu, MENU_ID, onMenuClicked, titleFromSelection } from '../../../lib/background/menu';
import { createPanelRequests } from '../../../lib/background/panel-requests';

function fakes() {
  const opened: number[] = [];
  const broadcasts: unknown[] = [];
  const requests = createPanelRequests({ broadcast: async (m) => void broadcasts.push(m), openPanel: async (w) => void opened.push(w) });
  return { opened, broadcasts, requests };
}

describe('the menu item', () => {
  it('is removed and created again, for selections only, with the selection in its label', async () => {
    const calls: string[] = [];
    await installMenu(
      {
        removeAll: async () => void calls.push('removeAll'),
        create: (p) => void calls.push(`create ${p.id} ${p.contexts.join()} ${p.title}`),
      },
      'Add note for “%s”',
    );
    expect(calls).toEqual(['removeAll', `create ${MENU_ID} selection Add note for “%s”`]);
  });
});

describe('a click on the item', () => {
  it('opens the panel at once and asks it for a new note titled with the selection, the page as source', async () => {
    const f = fakes();
    const done = onMenuClicked(f.requests, {
      info: { menuItemId: MENU_ID, selectionText: '  Los\n Chapitos ' },
      tab: { id: 4, windowId: 2, url: 'https://elpais.com/a.html', title: 'Story' },
    });
    expect(f.opened).toEqual([2]); // before any await
    await done;
    const request = { kind: 'new', title: 'Los Chapitos', source: { url: 'https://elpais.com/a.html', title: 'Story' } };
    expect(f.broadcasts).toEqual([{ type: 'bg:panelRequest', tabId: 4, request }]);
    expect(f.requests.take(4)).toEqual(request);
  });

  it('keeps no source for pages that are not on the web, and ignores other items and empty selections', () => {
    const f = fakes();
    void onMenuClicked(f.requests, { info: { menuItemId: MENU_ID, selectionText: 'FTO' }, tab: { id: 1, windowId: 1, url: 'file:///x.html' } });
    expect(f.requests.take(1)).toEqual({ kind: 'new', title: 'FTO' });
    expect(onMenuClicked(f.requests, { info: { menuItemId: 'other', selectionText: 'x y' }, tab: { id: 1, windowId: 1 } })).toBeUndefined();
    expect(onMenuClicked(f.requests, { info: { menuItemId: MENU_ID, selectionText: ' \n ' }, tab: { id: 1, windowId: 1 } })).toBeUndefined();
    expect(onMenuClicked(f.requests, { info: { menuItemId: MENU_ID, selectionText: 'x' } })).toBeUndefined();
  });
});

describe('titles from selections', () => {
  it('collapses whitespace and cuts a long selection at a word', () => {
    expect(titleFromSelection('Claudia\u00a0 Sheinbaum')).toBe('Claudia Sheinbaum');
    const long = titleFromSelection('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long.endsWith('word')).toBe(true);
    expect(titleFromSelection('x'.repeat(500))).toHaveLength(120);
  });
});
