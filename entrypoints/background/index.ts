/** Background entrypoint: only wiring (see lib/background/start.ts). */
import { startBackground } from '@/lib/background/start';
import type { PanelGlobals } from '@/lib/platform/panel';

export default defineBackground(() => {
  startBackground({ browser, globals: globalThis as PanelGlobals, indexedDB });
});
