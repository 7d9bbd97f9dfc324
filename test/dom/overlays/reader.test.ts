import { afterEach, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { startOverlayGuard, type OverlayGuard } from '../../../lib/overlays';
import { modal, SHADE, sleep } from './fixture';

// Runs in the test page itself: Playwright's trusted click only reaches the top document.
let cleanup: Array<() => void> = [];
afterEach(() => {
  for (const f of cleanup) f();
  cleanup = [];
});

function setup(clock: () => number): { guard: OverlayGuard; root: HTMLElement; button: HTMLButtonElement } {
  const root = document.createElement('div');
  root.innerHTML = `<article id="reader-story"><p>${'Delivered article text about the harbour works. '.repeat(20)}</p></article><button id="login">Log in</button>`;
  document.body.append(root);
  const abort = new AbortController();
  const guard = startOverlayGuard({ doc: document, win: window, signal: abort.signal, articleBody: [root.querySelector('article') as Element], now: clock, onChange: () => {} });
  cleanup.push(
    () => {
      abort.abort();
    },
    () => {
      root.remove();
    },
  );
  return { guard, root, button: root.querySelector('#login') as HTMLButtonElement };
}

function addDialog(root: HTMLElement): HTMLElement {
  const tpl = document.createElement('template');
  tpl.innerHTML = SHADE + modal('<h2>Log in to continue reading</h2><p>No account? Sign up free.</p>');
  root.append(tpl.content);
  return root.querySelector('.modal') as HTMLElement;
}

test('(6) a log-in dialog the reader opened with a trusted click stays visible; a later one is hidden', async () => {
  let t = 10_000;
  const { guard, root, button } = setup(() => t);
  button.addEventListener('click', () => addDialog(root));
  await userEvent.click(button);
  await sleep(200);
  const opened = root.querySelector('.modal') as HTMLElement;
  expect(opened).not.toBeNull();
  expect(getComputedStyle(opened).display).not.toBe('none');
  expect(getComputedStyle(root.querySelector('.shade') as Element).display).not.toBe('none');
  expect(guard.hidden()).toHaveLength(0);
  // The reader closes it; three seconds later the site shows a wall on its own.
  opened.remove();
  root.querySelector('.shade')?.remove();
  t += 3000;
  const wall = addDialog(root);
  await sleep(150);
  expect(getComputedStyle(wall).display).toBe('none');
  expect(guard.hidden()).toHaveLength(1);
});

test('(6b) untrusted pointer events and clicks outside controls do not count as reader actions', async () => {
  const { guard, root, button } = setup(() => performance.now());
  const spot = document.createElement('div');
  root.append(spot);
  spot.addEventListener('click', () => addDialog(root));
  button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
  spot.click();
  await sleep(150);
  expect(getComputedStyle(root.querySelector('.modal') as Element).display).toBe('none');
  expect(guard.hidden()).toHaveLength(1);
});

test('(6c) element.click() on a control (how automation and assistive tools activate a covered button) counts', async () => {
  const { guard, root, button } = setup(() => performance.now());
  button.addEventListener('click', () => addDialog(root));
  button.click();
  await sleep(150);
  expect(getComputedStyle(root.querySelector('.modal') as Element).display).not.toBe('none');
  expect(guard.hidden()).toHaveLength(0);
});

test('a scroll lock caused by the reader (menu opened with a click) is not undone', async () => {
  const bodyStyle = document.body.getAttribute('style');
  cleanup.push(() => {
    if (bodyStyle === null) document.body.removeAttribute('style');
    else document.body.setAttribute('style', bodyStyle);
  });
  let t = 10_000;
  const { guard, root, button } = setup(() => t);
  addDialog(root); // a wall the site showed by itself
  await sleep(120);
  expect(guard.hidden()).toHaveLength(1);
  t += 5000;
  button.addEventListener('click', () => {
    document.body.style.overflow = 'hidden';
  });
  await userEvent.click(button);
  await sleep(150);
  expect(document.body.style.overflow).toBe('hidden');
  expect(document.body.style.getPropertyPriority('overflow-y')).toBe('');
});

test('a dialog that shows 1.5 s after the reader clicked (it waited for a fetch) is still theirs', async () => {
  let t = 10_000;
  const { guard, root, button } = setup(() => t);
  button.addEventListener('click', () => {
    setTimeout(() => {
      t += 1500;
      addDialog(root);
    }, 50);
  });
  await userEvent.click(button);
  await sleep(250);
  expect(getComputedStyle(root.querySelector('.modal') as Element).display).not.toBe('none');
  expect(guard.hidden()).toHaveLength(0);
});
