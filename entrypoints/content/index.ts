/** Content script entrypoint: only wiring (see lib/content/start.ts). */
import { startContent } from '@/lib/content/start';
import './style.css';

export default defineContentScript({
  matches: ['<all_urls>'],
  main(ctx) {
    startContent({ browser, doc: document, win: window, signal: ctx.signal });
  },
});
