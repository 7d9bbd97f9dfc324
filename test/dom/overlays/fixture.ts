/**
 * Test pages for the overlay guard: a fresh same-origin iframe (own viewport,
 * own scroll position) holding a long article, plus helpers to add overlays
 * the way real sites do.
 */
import { userEvent } from 'vitest/browser';
import { startOverlayGuard, type HiddenOverlay, type OverlayGuard, type OverlayGuardOptions } from '../../../lib/overlays';

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const PARAGRAPH = (i: number): string =>
  `<p>Paragraph ${String(i)} of the delivered article text. The council met on Tuesday to discuss the budget for the coming year, `
  + `and several members raised questions about the water supply, the new bus routes and the state of the public library number ${String(i)}.</p>`;

/** A long article page body (scrolls well past one viewport). */
export function articleHtml(paragraphs = 40): string {
  return `<header style="height:60px"><nav><a href="/">Home</a></nav></header>
<main><article id="story"><h1>Council budget</h1>${Array.from({ length: paragraphs }, (_, i) => PARAGRAPH(i)).join('')}</article></main>`;
}

export interface Page {
  doc: Document;
  win: Window;
  frame: HTMLIFrameElement;
  article: Element;
  /** Insert HTML at the end of body; returns the first inserted element. */
  add(html: string): HTMLElement;
  remove(): void;
}

/** A fresh 640×600 iframe page (standards mode) with the given body HTML (default: the article). */
export async function makePage(bodyHtml = articleHtml(), headHtml = ''): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;left:0;top:0;width:640px;height:600px;border:0;';
  frame.srcdoc = `<!doctype html><html><head><style>body{margin:0;font:16px/1.5 serif}</style>${headHtml}</head><body>${bodyHtml}</body></html>`;
  const loaded = new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
  });
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument as Document;
  const win = frame.contentWindow as Window;
  return {
    doc,
    win,
    frame,
    article: doc.getElementById('story') ?? doc.body,
    add(html: string): HTMLElement {
      const tpl = doc.createElement('template');
      tpl.innerHTML = html;
      const first = tpl.content.firstElementChild as HTMLElement;
      doc.body.append(tpl.content);
      return first;
    },
    remove: () => {
      frame.remove();
    },
  };
}

export interface Started {
  guard: OverlayGuard;
  changes: Array<readonly HiddenOverlay[]>;
  abort: AbortController;
}

/** Start a guard on the page with the article as body (extra options: rules, onGate...). */
export function start(page: Page, extra: Partial<OverlayGuardOptions> = {}): Started {
  const abort = new AbortController();
  const changes: Array<readonly HiddenOverlay[]> = [];
  const guard = startOverlayGuard({
    doc: page.doc,
    win: page.win,
    signal: abort.signal,
    articleBody: [page.article],
    onChange: (h) => changes.push(h),
    ...extra,
  });
  return { guard, changes, abort };
}

export const SHADE = '<div class="shade" style="position:fixed;inset:0;background:rgba(0,0,0,0.6);z-index:9998"></div>';

/** Centered modal box with the given inner HTML. */
export const modal = (inner: string, extraStyle = ''): string =>
  `<div class="modal" style="position:fixed;top:50%;left:50%;transform:translate(-50%,-50%);width:400px;padding:24px;background:#fff;z-index:9999;${extraStyle}">${inner}</div>`;

/** Is the element hidden (display none computed)? */
export const isHidden = (page: Page, el: Element): boolean => page.win.getComputedStyle(el).display === 'none';

/**
 * Can the reader scroll? A real (Playwright) mouse wheel over the frame:
 * overflow:hidden stops the reader but not `scrollTo`, so only this tells.
 */
export async function userScrolls(page: Page): Promise<boolean> {
  const before = page.win.scrollY;
  await userEvent.wheel(page.frame, { delta: { y: 300 } });
  await sleep(250);
  return page.win.scrollY > before;
}
