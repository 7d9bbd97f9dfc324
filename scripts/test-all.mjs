// @ts-check
/**
 * `npm test`: everything, in order, stopping at the first failure: browsers present, typecheck,
 * both builds, lint (ESLint + web-ext lint of the Firefox build), then all three vitest tiers
 * (unit, dom in real Chromium, e2e in real Chromium and Firefox ESR).
 *
 * A missing browser fails the run up front with how to install it; nothing is skipped quietly.
 */
import { spawnSync } from 'node:child_process';
import { findBrowser } from './lib/browsers.mjs';

const steps = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['build (Chrome MV3)', 'npx', ['wxt', 'build']],
  ['build (Firefox MV2)', 'npx', ['wxt', 'build', '-b', 'firefox']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['tests: unit, dom, e2e', 'npx', ['vitest', 'run']],
];

const started = Date.now();
try {
  for (const kind of /** @type {const} */ (['chromium', 'firefox'])) console.log(`✓ ${kind}: ${findBrowser(kind)}`);
} catch (e) {
  console.error(`\n✗ ${e instanceof Error ? e.message : e}\n  The dom and end-to-end tests need real browsers; the run stops here.`);
  process.exit(1);
}

for (const [label, cmd, args] of steps) {
  const t = Date.now();
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✗ ${label} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
  console.log(`✓ ${label} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
