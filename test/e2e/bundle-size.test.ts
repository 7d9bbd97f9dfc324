/**
 * The content script's size budget: it runs on every page the reader opens, so it must stay
 * small (Preact and the panel's code never belong in it). Deterministic, so CI checks it; it
 * reads the build `npm test` makes before the test tiers (GLOSS_OUT_DIR for a private build).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';

/** 30 KB, gzipped. */
const BUDGET_BYTES = 30 * 1024;
const outDir = process.env.GLOSS_OUT_DIR || '.output';
const file = path.join(outDir, 'chrome-mv3', 'content-scripts', 'content.js');

test(`content script is at most ${BUDGET_BYTES / 1024} KB gzipped`, () => {
  if (!existsSync(file)) throw new Error(`${file} is missing: build first (\`npx wxt build\`).`);
  const source = readFileSync(file);
  const gzipped = gzipSync(source, { level: 9 }).length;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  expect(
    gzipped,
    `${file}: ${kb(gzipped)} gzipped (${kb(source.length)} raw) is over the ${kb(BUDGET_BYTES)} budget`,
  ).toBeLessThanOrEqual(BUDGET_BYTES);
  // Preact (the panel's UI library) must never be pulled into the content script.
  expect(source.toString('utf8'), 'the content script bundles Preact').not.toMatch(/__PREACT_DEVTOOLS__|preact/i);
  // Nor webextension-polyfill (about 2.6 KB gzipped): it talks to the browser's own runtime
  // through lib/platform/runtime.ts.
  expect(source.toString('utf8'), 'the content script bundles webextension-polyfill').not.toMatch(/__mozWebExtensionPolyfill/);
});
