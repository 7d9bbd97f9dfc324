import { afterEach, expect, test } from 'vitest';
import { isHidden, makePage, sleep, start, type Page, type Started } from './fixture';

let page: Page | undefined;
let run: Started | undefined;
afterEach(() => {
  run?.abort.abort();
  page?.remove();
  page = run = undefined;
});

test('an overlay inside an open shadow root is hidden, also when it arrives later', async () => {
  page = await makePage();
  const p = page;
  const host = p.add('<div id="host"></div>');
  const sr = host.attachShadow({ mode: 'open' });
  run = start(p);
  await sleep(20);
  sr.innerHTML = '<div class="wall" style="position:fixed;inset:auto 0 0 0;height:240px;background:#fff;z-index:999"><p>Abbonati per continuare a leggere</p></div>';
  await sleep(150);
  const wall = sr.querySelector('.wall') as Element;
  expect(isHidden(p, wall)).toBe(true);
  expect(run.guard.hidden()[0]?.label).toBe('Subscription notice');
  // Comes back inside the shadow tree: hidden again.
  wall.remove();
  await sleep(20);
  sr.append(wall.cloneNode(true));
  await sleep(150);
  expect(isHidden(p, sr.lastElementChild as Element)).toBe(true);
});

test('a covering paywall iframe is hidden; a consent iframe is not', async () => {
  page = await makePage();
  const p = page;
  const wall = p.add('<iframe title="Piano paywall offer" src="about:blank" style="position:fixed;inset:0;width:100%;height:100%;border:0;z-index:999"></iframe>');
  const cmp = p.add('<iframe id="sp_message_iframe_123" title="SP Consent Message" src="about:blank" style="position:fixed;left:0;bottom:0;width:100%;height:300px;border:0;z-index:999"></iframe>');
  run = start(p);
  expect(isHidden(p, wall)).toBe(true);
  expect(isHidden(p, cmp)).toBe(false);
});

test('a modal <dialog> (top layer, z-index auto) with a wall is hidden', async () => {
  page = await makePage();
  const p = page;
  const d = p.add('<dialog><p>Subscribe to continue reading</p><button>Go</button></dialog>') as HTMLDialogElement;
  d.showModal();
  run = start(p);
  expect(isHidden(p, d)).toBe(true);
  // Known gap: the rest of the page stays inert (no focus) until the site closes the dialog.
});

test('text blocks in the flow are not entered, but a positioned one is a layer and a wrapper a script adds is read', async () => {
  page = await makePage();
  const p = page;
  // A metering banner that is itself a link, fixed to the bottom of the viewport, inside the site's footer.
  const footer = p.add(
    '<footer><div class="promo"><a href="#subscribe" style="position:fixed;left:0;right:0;bottom:0;height:90px;background:#fff;z-index:99">You have read 3 of 5 free articles this month. Subscribe for unlimited access</a></div></footer>',
  );
  run = start(p);
  expect(isHidden(p, footer.querySelector('a') as Element)).toBe(true);
  // A script wraps its wall in a <span> and appends it: the span is where the scan starts.
  const span = p.add('<span><div class="wall" style="position:fixed;inset:0;background:#fff;z-index:999"><p>Subscribe to continue reading</p></div></span>');
  await sleep(150);
  expect(isHidden(p, span.firstElementChild as Element)).toBe(true);
  expect(run.guard.hidden()).toHaveLength(2);
});
