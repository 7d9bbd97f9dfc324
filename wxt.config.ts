import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

/**
 * WXT build configuration. Chrome builds are MV3 (side panel); Firefox builds are MV2
 * (WXT's default for Firefox) and use `sidebar_action`, generated from the same
 * `entrypoints/sidepanel/` entrypoint.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // GLOSS_OUT_DIR lets measuring scripts (or parallel work) build into a private folder.
  outDir: process.env.GLOSS_OUT_DIR || '.output',
  // The sources zip (for Firefox add-on review) holds what is needed to rebuild, not local output.
  zip: { excludeSources: ['demo-output/**', 'test-output/**', '.eval/**', 'docs/**'] },
  vite: () => ({
    plugins: [preact()],
    // Terser rather than Vite's default esbuild minifier: the content script, which every page
    // the reader opens parses, comes out about 5% smaller gzipped (30.6 -> 29.2 KB, same code);
    // a second compress pass takes about 50 bytes more off (only safe transforms, none `unsafe`).
    build: { minify: 'terser', terserOptions: { compress: { passes: 2 } } },
    resolve: {
      // WXT's content-script context announces every start to the page (postMessage and a DOM
      // event carrying the extension id): any site could detect Gloss. Ours does the same job
      // unseen (lib/content/quiet-context.ts).
      alias: { 'wxt/utils/content-script-context': fileURLToPath(new URL('./lib/content/quiet-context.ts', import.meta.url)) },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the reader's switches (storage.local). unlimitedStorage: Chrome may otherwise
    // evict the notes database under storage pressure. contextMenus: "Add note for “…”" on
    // selected text (Firefox accepts the same name as an alias of `menus`).
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    action: { default_title: 'Gloss: toggle the side panel' },
    browser_action: { default_title: 'Gloss: toggle the side panel' },
    commands: {
      // A named command (not _execute_action) so one handler toggles the panel in both
      // browsers; Firefox additionally gets _execute_sidebar_action below.
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_cmdToggle__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@gloss.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
