// @ts-check
/**
 * Generates the `.d.mts` declaration files next to the harness modules in scripts/lib from
 * their JSDoc, so TypeScript tests get real types when they import the `.mjs` files (the
 * project's tsconfig has no `allowJs`, so without them `tsc` reports TS7016 "implicitly has an
 * 'any' type"). Also type-checks the JSDoc (`checkJs`, strict).
 *
 *   node scripts/lib/gen-types.mjs          # (re)write scripts/lib/*.d.mts
 *   node scripts/lib/gen-types.mjs --check  # exit 1 if they are stale (used by the e2e test)
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The modules whose declarations are generated. */
export const MODULES = ['serve.mjs', 'browsers.mjs', 'eval-metrics.mjs', 'eval-corpus.mjs', 'trace-tasks.mjs', 'stumps.mjs'];
const HEADER =
  '// Generated from the JSDoc in the .mjs file by `node scripts/lib/gen-types.mjs`. Do not edit:\n' +
  '// change the JSDoc and re-run it (test/e2e/harness.test.ts fails when this file is stale).\n';

/**
 * Runs tsc on the modules and returns the expected content of each `.d.mts`.
 * @returns {Promise<Map<string, string>>} file path -> content
 */
export async function generate() {
  const out = await mkdtemp(path.join(tmpdir(), 'gloss-dts-'));
  try {
    const tsc = path.resolve(here, '../../node_modules/typescript/bin/tsc');
    // prettier-ignore
    execFileSync(process.execPath, [tsc,
      '--allowJs', '--checkJs', '--strict', '--skipLibCheck', '--types', 'node',
      '--target', 'esnext', '--module', 'nodenext', '--moduleResolution', 'nodenext',
      '--declaration', '--emitDeclarationOnly', '--outDir', out,
      ...MODULES.map((m) => path.join(here, m)),
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    /** @type {Map<string, string>} */
    const files = new Map();
    for (const m of MODULES) {
      const name = m.replace(/\.mjs$/, '.d.mts');
      files.set(path.join(here, name), HEADER + (await readFile(path.join(out, name), 'utf8')));
    }
    return files;
  } catch (err) {
    const e = /** @type {{ stdout?: Buffer }} */ (err);
    throw new Error(`tsc failed on scripts/lib:\n${e.stdout?.toString() ?? String(err)}`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** @returns {Promise<string[]>} the declaration files that differ from what tsc generates */
export async function staleFiles() {
  const stale = [];
  for (const [file, content] of await generate()) {
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current !== content) stale.push(file);
  }
  return stale;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    if (stale.length) {
      console.error(`Stale declarations (run node scripts/lib/gen-types.mjs): ${stale.join(', ')}`);
      process.exit(1);
    }
  } else {
    for (const [file, content] of await generate()) await writeFile(file, content);
  }
}
