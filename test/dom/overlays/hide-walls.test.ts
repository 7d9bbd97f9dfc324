import { afterEach, describe, expect, test } from 'vitest';
import { isHidden, makePage, modal, SHADE, sleep, start, userScrolls, type Page, type Started } from './fixture';

let page: Page | undefined;
let run: Started | undefined;
afterEach(() => {
  run?.abort.abort();
  page?.remove();
  page = run = undefined;
});

describe('walls are hidden, scrolling comes back', () => {
  test('(1) late Spanish shared-account bottom sheet + shade + fixed body → one overlay, scroll restored', async () => {
    page = await makePage();
    const p = page;
    p.win.scrollTo(0, 1200);
    expect(p.win.scrollY).toBe(1200);
    run = start(p);
    await sleep(300);
    // What the site does: shade + sheet, then iOS-style lock that saves the offset in `top`.
    const shade = p.add(SHADE);
    const sheet = p.add(`<div class="sheet" style="position:fixed;left:0;right:0;bottom:0;height:220px;background:#fff;z-index:9999">
      <h2>Tu suscripción se está usando en otro dispositivo</h2><p>Solo puedes leer en un dispositivo a la vez.</p>
      <button>Leer aquí</button></div>`);
    const y = p.win.scrollY;
    p.doc.body.style.position = 'fixed';
    p.doc.body.style.top = `-${String(y)}px`;
    p.doc.body.style.width = '100%';
    expect(p.win.scrollY).toBe(0);
    await sleep(150);
    expect(isHidden(p, sheet)).toBe(true);
    expect(isHidden(p, shade)).toBe(true);
    const hidden = run.guard.hidden();
    expect(hidden).toHaveLength(1);
    expect(hidden[0]?.label).toBe('Shared-account notice');
    expect(hidden[0]?.elements).toEqual([sheet, shade]);
    expect(p.win.getComputedStyle(p.doc.body).position).toBe('static');
    expect(p.win.scrollY).toBe(1200);
    expect(run.changes.at(-1)).toHaveLength(1);
    expect(await userScrolls(p)).toBe(true);
  });

  test('(2) English subscribe modal + backdrop with overflow:hidden on html → hidden, scrolling restored', async () => {
    page = await makePage();
    const p = page;
    p.doc.documentElement.style.overflow = 'hidden';
    const shade = p.add(SHADE);
    const box = p.add(modal('<h2>Subscribe to continue reading</h2><p>Get unlimited access for $1 a week.</p><button>Subscribe</button>'));
    expect(await userScrolls(p)).toBe(false);
    run = start(p);
    expect(isHidden(p, box)).toBe(true);
    expect(isHidden(p, shade)).toBe(true);
    expect(run.guard.hidden()).toEqual([{ label: 'Subscription notice', elements: [box, shade] }]);
    expect(p.win.getComputedStyle(p.doc.documentElement).overflowY).toBe('auto');
    expect(await userScrolls(p)).toBe(true);
    expect(run.changes).toHaveLength(1);
  });

  test('(2b) class-based lock on body with height:100% is undone too', async () => {
    page = await makePage(undefined, '<style>.modal-open{overflow:hidden;height:100%}</style>');
    const p = page;
    p.doc.body.classList.add('modal-open');
    expect(await userScrolls(p)).toBe(false);
    run = start(p);
    p.add(SHADE);
    const box = p.add(modal('<h2>Create a free account to keep reading</h2><button>Sign up</button>'));
    await sleep(150);
    expect(isHidden(p, box)).toBe(true);
    expect(run.guard.hidden()[0]?.label).toBe('Registration prompt');
    expect(await userScrolls(p)).toBe(true);
  });

  test('(3) French newsletter modal without scroll lock → hidden, html/body untouched', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    await sleep(100);
    const box = p.add(modal("<h2>Abonnez-vous à notre newsletter</h2><p>L'essentiel de l'actualité chaque matin.</p><input type=email><button>Je m'inscris</button>"));
    await sleep(150);
    expect(isHidden(p, box)).toBe(true);
    expect(run.guard.hidden()).toEqual([{ label: 'Newsletter sign-up', elements: [box] }]);
    expect(p.doc.documentElement.getAttribute('style')).toBeNull();
    expect(p.doc.body.getAttribute('style')).toBeNull();
  });

  test('metering bar (German, fixed bottom strip) is hidden', async () => {
    page = await makePage();
    const p = page;
    const bar = p.add('<div style="position:fixed;left:0;right:0;bottom:0;height:56px;background:#ffd;z-index:50">Noch 2 kostenlose Artikel diesen Monat. <a href="/abo">Jetzt Abo abschließen</a></div>');
    run = start(p);
    expect(isHidden(p, bar)).toBe(true);
    expect(run.guard.hidden()[0]?.label).toBe('Article-limit notice');
  });

  test('a shade appended right after a closed (in-flow, unstyled) CMP container still belongs to the wall', async () => {
    page = await makePage();
    const p = page;
    p.add('<div id="onetrust-consent-sdk"><div class="ot-sdk-container">Privacy preference center (not shown as a layer)</div></div>');
    run = start(p);
    await sleep(50);
    const shade = p.add(SHADE);
    const box = p.add(modal("<h2>You've reached your limit of free articles</h2>"));
    await sleep(150);
    expect(isHidden(p, box)).toBe(true);
    expect(isHidden(p, shade)).toBe(true);
  });

  test('a shade next to a consent banner that is on screen stays with the banner', async () => {
    page = await makePage();
    const p = page;
    const cmp = p.add('<div id="onetrust-banner-sdk" style="position:fixed;left:0;right:0;bottom:0;height:150px;background:#fff;z-index:99999">We use cookies</div>');
    const shade = p.add(SHADE);
    run = start(p);
    await sleep(50);
    p.add(modal('<h2>Subscribe to continue reading</h2>'));
    await sleep(150);
    expect(isHidden(p, cmp)).toBe(false);
    expect(isHidden(p, shade)).toBe(false);
  });

  test('overflow:hidden on a 100%-high body (overflow-x too) comes back as real page scrolling', async () => {
    page = await makePage(undefined, '<style>html.lock, html.lock body { overflow: hidden; height: 100%; }</style>');
    const p = page;
    run = start(p);
    p.add(modal('<h2>Abbonati per continuare a leggere</h2>'));
    p.doc.documentElement.classList.add('lock');
    await sleep(150);
    expect(await userScrolls(p)).toBe(true);
    expect(p.win.getComputedStyle(p.doc.body).overflowX).toBe('clip');
  });

  test('a shade without any box is left alone', async () => {
    page = await makePage();
    const p = page;
    const shade = p.add(SHADE);
    run = start(p);
    await sleep(100);
    expect(isHidden(p, shade)).toBe(false);
    expect(run.guard.hidden()).toHaveLength(0);
  });
});

describe('scroll locks after the wall', () => {
  test('a lock applied a moment after the hidden wall is undone; a page re-locking in a loop is answered a bounded number of times', async () => {
    page = await makePage();
    const p = page;
    run = start(p);
    p.add(SHADE);
    p.add(modal('<h2>Subscribe to continue reading</h2>'));
    await sleep(120);
    expect(run.guard.hidden()).toHaveLength(1);
    p.doc.documentElement.classList.add('no-scroll');
    p.doc.documentElement.style.overflow = 'hidden';
    await sleep(120);
    expect(await userScrolls(p)).toBe(true);
    // The site insists: re-lock whenever the lock is undone.
    let relocks = 0;
    const html = p.doc.documentElement;
    new MutationObserver(() => {
      if (html.style.getPropertyValue('overflow-y') !== 'hidden') {
        relocks++;
        html.style.setProperty('overflow-y', 'hidden', 'important');
      }
    }).observe(html, { attributes: true, attributeFilter: ['style'] });
    html.style.setProperty('overflow-y', 'hidden', 'important');
    await sleep(4500);
    const settled = relocks;
    expect(settled).toBeLessThanOrEqual(12);
    await sleep(1200);
    expect(relocks).toBe(settled);
  }, 10_000);
});
