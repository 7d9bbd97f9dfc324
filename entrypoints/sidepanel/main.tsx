/** Panel entrypoint: only wiring. `?tab=ID` pins the panel to one tab (tests, demo). */
import { render } from 'preact';
import { App } from '@/components/App';
import { createBrowserPanelApi } from '@/components/api';
import starterNotes from '@/seeds/notes/starter.json';
import '@/components/panel.css';
import type { PanelGlobals } from '@/lib/platform/panel';

const tabParam = new URLSearchParams(location.search).get('tab');
const fixedTabId = tabParam !== null && /^\d+$/.test(tabParam) ? Number(tabParam) : null;
const api = createBrowserPanelApi(browser, globalThis as PanelGlobals);
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = api.t('panelTitle');
render(<App api={api} fixedTabId={fixedTabId} starterNotes={starterNotes} />, document.getElementById('app')!);
