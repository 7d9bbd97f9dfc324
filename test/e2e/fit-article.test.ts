/**
 * `npm run fit:article` end to end, on the tiny fixture corpus (test/fixtures/eval-corpus, so it
 * works without ../shared): real Chromium collects each page's evidence, the script fits and
 * scores a model and writes it in model.ts's format. Three pages fit nothing useful (it says so);
 * what is checked is the plumbing: the feature rows, the figures, the file, and that a refit from
 * saved rows writes the same file. Needs Debian `chromium` (or CHROMIUM_PATH).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FEATURES } from '../../lib/article/weigh';

const run = promisify(execFile);
const SCRIPT = 'scripts/fit-article-model.mjs';
const CORPUS = 'test/fixtures/eval-corpus';

interface FitRow {
  id: string;
  truth: boolean;
  settled: boolean;
  rules: boolean;
  x: number[] | null;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gloss-fit-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('fit:article on the fixture corpus', () => {
  let stdout = '';
  let stderr = '';
  let rows: FitRow[] = [];
  let model = '';

  beforeAll(async () => {
    ({ stdout, stderr } = await run(
      process.execPath,
      [SCRIPT, '--corpus', CORPUS, '--out', path.join(dir, 'model.ts'), '--rows', path.join(dir, 'rows.json')],
      { timeout: 110_000 },
    ));
    rows = JSON.parse(await readFile(path.join(dir, 'rows.json'), 'utf8')) as FitRow[];
    model = await readFile(path.join(dir, 'model.ts'), 'utf8');
  });

  test('collects one feature row a page, in the order weigh.ts computes them', () => {
    expect(rows.map((r) => [r.id, r.truth]).sort()).toEqual([['city-homepage', false], ['garden-blog', true], ['harbour-news', true]]);
    for (const row of rows) {
      expect(row.settled).toBe(false);
      expect(row.x).toHaveLength(FEATURES.length);
    }
    const feature = (id: string, name: (typeof FEATURES)[number]) => rows.find((r) => r.id === id)!.x![FEATURES.indexOf(name)];
    // The rules' answer is the first feature; the news page sits in <article> and has a byline.
    expect(feature('harbour-news', 'rules')).toBe(1);
    expect(feature('city-homepage', 'rules')).toBe(0);
    expect(feature('harbour-news', 'inArticle')).toBe(1);
    expect(feature('garden-blog', 'inArticle')).toBe(0);
    expect(feature('harbour-news', 'byline')).toBe(1);
  });

  test('prints the rules-alone and out-of-fold figures, warns that three pages are too few', () => {
    expect(stdout).toContain('3 pages (0 failed to load), 3 judged by the model');
    expect(stdout).toMatch(/eval-corpus: rules alone P 1\.000 R 1\.000 A 1\.000 \(3 pages\)/);
    expect(stdout.match(/rules \+ model, out of fold \(repeat \d\)/g)).toHaveLength(3);
    expect(stderr).toContain('only 3 pages to fit on');
  });

  test("writes a model in model.ts's format, with the feature names weigh.ts uses", () => {
    expect(model).toContain('export const MODEL:');
    expect(model).toContain('threshold: 0.6,');
    expect(model).toContain(`export const MODEL_FEATURES = ${JSON.stringify(FEATURES)};`);
  });

  test('a refit from the saved rows writes the same file, without a browser', async () => {
    const again = path.join(dir, 'again.ts');
    await run(process.execPath, [SCRIPT, '--corpus', CORPUS, '--rows', path.join(dir, 'rows.json'), '--from-rows', '--out', again], { timeout: 30_000 });
    expect(await readFile(again, 'utf8')).toBe(model);
  });
});
