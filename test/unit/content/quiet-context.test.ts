/**
 * The content-script context that replaces WXT's (lib/content/quiet-context.ts): it tells the
 * page nothing, stops an older copy of the script in the same world, and stops itself once the
 * extension is gone (updated or removed).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from '../../../lib/content/quiet-context';

const contexts: ContentScriptContext[] = [];
const make = () => {
  const c = new ContentScriptContext('content');
  contexts.push(c);
  return c;
};
/** The content script's runtime as Chrome gives it (lib/platform/runtime.ts reads it). */
let runtime: { id?: string };
beforeEach(() => {
  runtime = { id: 'gloss@gloss.example' };
  vi.stubGlobal('chrome', { runtime });
});
afterEach(() => {
  for (const c of contexts.splice(0)) c.abort();
  vi.unstubAllGlobals();
});

describe('the quiet content-script context', () => {
  it('posts nothing to the page and dispatches no event on it', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    make();
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
  });

  it('a newer copy stops the older one; the newer one runs on', () => {
    const older = make();
    const stopped = vi.fn();
    older.onInvalidated(stopped);
    const newer = make();
    expect(older.signal.aborted).toBe(true);
    expect(stopped).toHaveBeenCalledOnce();
    expect(newer.isValid).toBe(true);
  });

  it('stops when the extension is gone (runtime.id disappears), noticed on the next pointer press', () => {
    const c = make();
    window.dispatchEvent(new Event('pointerdown'));
    expect(c.isValid).toBe(true);
    // Chrome's runtime of a content script whose extension was updated or removed loses its id.
    delete runtime.id;
    window.dispatchEvent(new Event('pointerdown'));
    expect(c.signal.aborted).toBe(true);
  });
});
