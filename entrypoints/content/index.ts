/** Content script entrypoint: only wiring (see lib/content/start.ts). */
import { startContent } from '@/lib/content/start';
import { contentRuntime } from '@/lib/platform/runtime';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  main(ctx) {
    const runtime = contentRuntime();
    if (runtime) startContent({ runtime, doc: document, win: window, signal: ctx.signal });
  },
});
