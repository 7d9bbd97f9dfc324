/**
 * The context menu item "Add note for “…”" on selected text, in both browsers (Chrome's
 * `contextMenus`, Firefox's `menus`, which also answers to `contextMenus`). A menu click is
 * user input in both, so the panel can be opened from it; the panel then opens the editor with
 * the selection as the title and the page as a source.
 */
import type { PanelRequests } from './panel-requests';

export const MENU_ID = 'gloss-add-note';
/** Longest title taken from a selection (a note title's own limit is larger; this keeps it a name). */
export const MAX_SELECTION_TITLE = 120;

/** The parts of `contextMenus` used here. */
export interface MenusApi {
  create(props: { id: string; title: string; contexts: ['selection'] }): unknown;
  removeAll(): Promise<void>;
}

/** What a menu click reports (subset of OnClickData and Tab). */
export interface MenuClick {
  info: { menuItemId: string | number; selectionText?: string; pageUrl?: string };
  tab?: { id?: number; windowId?: number; url?: string; title?: string };
}

/**
 * Creates the menu item. Done at every background start: Firefox forgets menus when it restarts,
 * and removing first avoids Chrome's duplicate-id error when its worker starts again.
 */
export async function installMenu(menus: MenusApi, title: string): Promise<void> {
  await menus.removeAll();
  // %s: the browser shows the selected text in the item's label.
  menus.create({ id: MENU_ID, title, contexts: ['selection'] });
}

/** A selection as a note title: whitespace collapsed, trimmed, cut at a word near the limit. */
export function titleFromSelection(text: string): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= MAX_SELECTION_TITLE) return flat;
  const cut = flat.slice(0, MAX_SELECTION_TITLE);
  const space = cut.lastIndexOf(' ');
  return (space > MAX_SELECTION_TITLE / 2 ? cut.slice(0, space) : cut).trim();
}

/**
 * Handles a click on the item: synchronously asks for the panel (inside the click's user input)
 * with a new-note request. Other items and clicks without a tab or a selection are ignored.
 */
export function onMenuClicked(requests: PanelRequests, { info, tab }: MenuClick): Promise<unknown> | undefined {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined || tab.windowId === undefined) return undefined;
  const title = titleFromSelection(info.selectionText ?? '');
  if (!title) return undefined;
  // pageUrl always comes with the click; tab.url and tab.title need the "tabs" permission.
  const url = info.pageUrl ?? tab.url;
  const source = url && /^https?:/i.test(url) ? { url, ...(tab.title ? { title: tab.title } : {}) } : undefined;
  return requests.ask({ id: tab.id, windowId: tab.windowId }, { kind: 'new', title, ...(source ? { source } : {}) });
}
