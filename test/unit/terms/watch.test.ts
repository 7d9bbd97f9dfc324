import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { watchArticle } from '../../../lib/terms';
import { watchNavigation } from '../../../lib/platform/navigation';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<article id="a"><p>one</p></article><aside id="x"></aside>';
});
afterEach(() => {
  vi.useRealTimers();
});

/** Lets MutationObserver callbacks (microtasks) run. */
const flush = () => vi.advanceTimersByTimeAsync(0);

describe('watchArticle', () => {
  test('debounces a burst of changes into one call, and ignores other parts of the page', async () => {
    const onChange = vi.fn();
    const controller = new AbortController();
    const article = document.getElementById('a')!;
    watchArticle([article], controller.signal, onChange, { debounceMs: 100, maxWaitMs: 1000 });
    document.getElementById('x')!.append('elsewhere');
    await flush();
    await vi.advanceTimersByTimeAsync(500);
    expect(onChange).not.toHaveBeenCalled();

    for (let i = 0; i < 5; i++) {
      article.append(document.createElement('p'));
      await flush();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(onChange).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(onChange).toHaveBeenCalledTimes(1);

    (article.querySelector('p')!.firstChild as Text).data = 'two';
    await flush();
    await vi.advanceTimersByTimeAsync(100);
    expect(onChange).toHaveBeenCalledTimes(2);
    controller.abort();
  });

  test('a page that never stops changing is still refreshed every maxWaitMs', async () => {
    const onChange = vi.fn();
    const controller = new AbortController();
    const article = document.getElementById('a')!;
    watchArticle([article], controller.signal, onChange, { debounceMs: 100, maxWaitMs: 300 });
    for (let i = 0; i < 20; i++) {
      article.append('x');
      await flush();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(3);
    controller.abort();
  });

  test('stops on abort, pending call included', async () => {
    const onChange = vi.fn();
    const controller = new AbortController();
    const article = document.getElementById('a')!;
    watchArticle([article], controller.signal, onChange, { debounceMs: 100 });
    article.append('x');
    await flush();
    controller.abort();
    await vi.advanceTimersByTimeAsync(5000);
    article.append('y');
    await flush();
    await vi.advanceTimersByTimeAsync(5000);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('watchNavigation', () => {
  function fakeWindow(withNavigation: boolean) {
    const win = new EventTarget() as EventTarget & { location: { href: string }; navigation?: EventTarget };
    win.location = { href: 'https://news.example/a' };
    if (withNavigation) win.navigation = new EventTarget();
    return win;
  }

  test('uses the Navigation API where present: one report per new URL', () => {
    const win = fakeWindow(true);
    const onNavigate = vi.fn();
    const controller = new AbortController();
    expect(watchNavigation({ win: win as unknown as Window, signal: controller.signal, onNavigate })).toBe('navigation-api');
    win.location.href = 'https://news.example/b';
    win.navigation!.dispatchEvent(new Event('currententrychange'));
    win.navigation!.dispatchEvent(new Event('currententrychange'));
    expect(onNavigate.mock.calls).toEqual([['https://news.example/b']]);
    controller.abort();
    win.location.href = 'https://news.example/c';
    win.navigation!.dispatchEvent(new Event('currententrychange'));
    expect(onNavigate).toHaveBeenCalledTimes(1);
  });

  test('falls back to popstate, hashchange and polling (pushState cannot be seen otherwise)', async () => {
    const win = fakeWindow(false);
    const onNavigate = vi.fn();
    const controller = new AbortController();
    expect(watchNavigation({ win: win as unknown as Window, signal: controller.signal, onNavigate, pollMs: 200 })).toBe('poll');
    win.location.href = 'https://news.example/pushed';
    await vi.advanceTimersByTimeAsync(200);
    expect(onNavigate).toHaveBeenLastCalledWith('https://news.example/pushed');
    win.location.href = 'https://news.example/back';
    win.dispatchEvent(new Event('popstate'));
    expect(onNavigate).toHaveBeenLastCalledWith('https://news.example/back');
    win.location.href = 'https://news.example/back#s2';
    win.dispatchEvent(new Event('hashchange'));
    expect(onNavigate).toHaveBeenCalledTimes(3);
    controller.abort();
    win.location.href = 'https://news.example/gone';
    await vi.advanceTimersByTimeAsync(1000);
    win.dispatchEvent(new Event('popstate'));
    expect(onNavigate).toHaveBeenCalledTimes(3);
  });
});
