/**
 * The shown tab and its state: a fixed tab (`sidepanel.html?tab=ID`) or the active tab of the
 * panel's window, refreshed on tab switches, navigations and the content script's reports.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TabState } from '@/lib/messaging';
import type { PanelApi } from './api';

export type TabView =
  | { status: 'loading' }
  | { status: 'no-tab' }
  /** No content script answered: a browser page, or a page opened before Gloss was installed. */
  | { status: 'unreachable'; tabId: number }
  /** The content script did not answer in time: the page's own work holds its main thread. */
  | { status: 'busy'; tabId: number }
  | { status: 'ready'; tabId: number; state: TabState };

/** Tracks the tab the panel shows. `fixedTabId` pins it; otherwise it follows the active tab. */
export function useTabState(api: PanelApi, fixedTabId: number | null): { view: TabView; refresh: () => void } {
  const [view, setView] = useState<TabView>({ status: 'loading' });
  const tabRef = useRef<number | null>(fixedTabId);
  const windowRef = useRef<number | null>(null);
  const requestSeq = useRef(0);

  const load = useCallback(
    async (tabId: number | null) => {
      const seq = ++requestSeq.current;
      if (tabId === null) return setView({ status: 'no-tab' });
      const reply = await api.call('panel:getTabState', { tabId });
      // A later switch or update superseded this request: drop the stale answer.
      if (seq !== requestSeq.current) return;
      setView(reply.ok ? { status: 'ready', tabId, state: reply.state } : { status: reply.error === 'timeout' ? 'busy' : 'unreachable', tabId });
    },
    [api],
  );

  useEffect(() => {
    let live = true;
    if (fixedTabId === null) {
      void api.activeTab().then((t) => {
        if (!live) return;
        tabRef.current = t?.tabId ?? null;
        windowRef.current = t?.windowId ?? null;
        void load(tabRef.current);
      });
    } else {
      void load(fixedTabId);
    }
    const unwatch = api.watch((e) => {
      if (e.kind === 'request') return; // the App's business, not the tab's state
      if (e.kind === 'activated') {
        if (fixedTabId !== null || (windowRef.current !== null && e.windowId !== windowRef.current)) return;
        tabRef.current = e.tabId;
        setView({ status: 'loading' });
        void load(e.tabId);
      } else if (e.tabId === tabRef.current) {
        if (e.kind === 'updated' && e.loading) {
          ++requestSeq.current;
          setView({ status: 'loading' });
        } else {
          void load(e.tabId);
        }
      }
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [api, fixedTabId, load]);

  return { view, refresh: () => void load(tabRef.current) };
}
