/** Renders the panel into happy-dom and offers a few user-level queries and actions. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../../components/App';
import type { PanelApi } from '../../../components/api';

/** Lets the fake background's replies and the effects they trigger run to the end. */
export async function settle(rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}

const mounted = new Set<HTMLElement>();

/** Unmounts everything mounted so far (call from afterEach). */
export function unmountAll({ keepStorage = false } = {}): void {
  for (const c of mounted) {
    render(null, c);
    c.remove();
  }
  mounted.clear();
  // Editor drafts and the panel's remembered screen live in localStorage; each test starts
  // without any (a test of reopening the panel keeps them).
  if (!keepStorage) localStorage.clear();
}

export async function mount(api: PanelApi, { fixedTabId = 7 as number | null, starterNotes = {} as unknown } = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.add(container);
  await act(() => {
    render(<App api={api} fixedTabId={fixedTabId} starterNotes={starterNotes} />, container);
  });
  await settle();

  const all = <E extends Element = HTMLElement>(sel: string) => [...container.querySelectorAll<E & Element>(sel)] as E[];
  const q = {
    container,
    /** Everything the panel shows, whitespace collapsed. */
    text: () => (container.textContent ?? '').replace(/\s+/g, ' ').trim(),
    maybe: <E extends Element = HTMLElement>(sel: string) => container.querySelector(sel) as E | null,
    get<E extends Element = HTMLElement>(sel: string): E {
      const el = container.querySelector(sel);
      if (!el) throw new Error(`nothing matches ${sel} in: ${q.text()}`);
      return el as E;
    },
    all,
    button(label: string): HTMLButtonElement {
      const b = all<HTMLButtonElement>('button').find((x) => (x.textContent ?? '').trim() === label);
      if (!b) throw new Error(`no button "${label}" in: ${q.text()}`);
      return b;
    },
    hasButton: (label: string) => all('button').some((x) => (x.textContent ?? '').trim() === label),
    /** Alerts and status lines currently shown. */
    alerts: () => all('[role="alert"]').map((e) => (e.textContent ?? '').trim()),
    async click(el: HTMLElement) {
      await act(() => el.click());
      await settle();
    },
    async type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
      await act(() => {
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    },
    async key(el: HTMLElement, key: string) {
      await act(() => {
        el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      });
      await settle();
    },
    async emit(fn: () => void) {
      await act(fn);
      await settle();
    },
  };
  return q;
}
