/**
 * The content script's runtime (lib/platform/runtime.ts): the native API of either browser, with
 * listeners that answer by promise in both.
 */
import { describe, expect, it, vi } from 'vitest';
import { contentRuntime, type NativeRuntime } from '../../../lib/platform/runtime';

type Responder = Parameters<NativeRuntime['onMessage']['addListener']>[0];

function native(id: string | undefined = 'gloss@gloss.example') {
  const listeners = new Set<Responder>();
  const rt = {
    id,
    sendMessage: vi.fn(async (m: unknown) => ({ echoed: m })),
    onMessage: { addListener: (l: Responder) => listeners.add(l), removeListener: (l: Responder) => listeners.delete(l) },
  };
  /** Delivers as the browser does: the answer sent back, or 'no answer' when none is promised. */
  const deliver = (msg: unknown) =>
    [...listeners].map((l) => {
      let answer!: (reply: unknown) => void;
      const answered = new Promise((resolve) => (answer = resolve));
      return l(msg, { id: 'gloss@gloss.example' }, answer) ? answered : 'no answer';
    });
  return { rt, listeners, deliver };
}

describe('contentRuntime', () => {
  it('is null outside an extension', () => {
    expect(contentRuntime({})).toBeNull();
    expect(contentRuntime({ chrome: {} })).toBeNull();
  });

  it("takes Firefox's promise-based browser.runtime over chrome.runtime", async () => {
    const firefox = native('firefox-id');
    const chrome = native('chrome-id');
    const runtime = contentRuntime({ browser: { runtime: firefox.rt }, chrome: { runtime: chrome.rt } })!;
    expect(runtime.id).toBe('firefox-id');
    await expect(runtime.sendMessage({ type: 'x' })).resolves.toEqual({ echoed: { type: 'x' } });
    expect(chrome.rt.sendMessage).not.toHaveBeenCalled();
  });

  it("ignores a page's element named browser (DOM named access) and takes chrome.runtime", () => {
    const form = document.createElement('form');
    const input = document.createElement('input');
    input.name = 'runtime';
    input.id = 'not-the-extension';
    form.append(input);
    document.body.append(form);
    const chrome = native('chrome-id');
    // What `window.browser` is in Chrome's isolated world on a page with <form id="browser">.
    const clobbered = form as unknown as { runtime?: NativeRuntime };
    expect((clobbered.runtime as unknown as Element | undefined)?.id).toBe('not-the-extension');
    expect(contentRuntime({ browser: clobbered, chrome: { runtime: chrome.rt } })!.id).toBe('chrome-id');
    form.remove();
  });

  it("uses Chrome's chrome.runtime where there is no browser global", () => {
    const chrome = native('chrome-id');
    expect(contentRuntime({ chrome: { runtime: chrome.rt } })!.id).toBe('chrome-id');
  });

  it('answers through sendResponse what the listener resolves to, and nothing when it returns undefined', async () => {
    const n = native();
    const runtime = contentRuntime({ chrome: { runtime: n.rt } })!;
    runtime.listen((msg) => ((msg as { type: string }).type === 'mine' ? Promise.resolve({ ok: true }) : undefined));
    await expect(n.deliver({ type: 'mine' })[0]).resolves.toEqual({ ok: true });
    expect(n.deliver({ type: 'other' })).toEqual(['no answer']);
  });

  it('still answers (undefined) when a listener promise rejects, so the sender is not left waiting', async () => {
    const n = native();
    contentRuntime({ chrome: { runtime: n.rt } })!.listen(() => Promise.reject(new Error('boom')));
    await expect(n.deliver({})[0]).resolves.toBeUndefined();
  });

  it('removes exactly the listener it added', () => {
    const n = native();
    const unlisten = contentRuntime({ chrome: { runtime: n.rt } })!.listen(() => undefined);
    expect(n.listeners.size).toBe(1);
    unlisten();
    expect(n.listeners.size).toBe(0);
  });

  it('reports no id (orphaned) once the extension is gone, even when reading it throws', () => {
    const gone = { get id(): string { throw new Error('Extension context invalidated.'); } } as unknown as NativeRuntime;
    expect(contentRuntime({ chrome: { runtime: gone } })!.id).toBeUndefined();
    const n = native();
    const globals: { chrome?: { runtime?: NativeRuntime } } = { chrome: { runtime: n.rt } };
    const runtime = contentRuntime(globals)!;
    delete globals.chrome;
    expect(runtime.id).toBeUndefined();
  });
});
