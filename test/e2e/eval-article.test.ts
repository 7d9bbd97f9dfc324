/**
 * `npm run eval:article` end to end, on the tiny Readability-layout corpus in
 * test/fixtures/eval-corpus (so the tool keeps working without ../shared): real Chromium, pages
 * from 127.0.0.1, both detectors, the JSON report's shape and sane values. Needs Debian
 * `chromium` (or CHROMIUM_PATH).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { servePages, type CorpusPage } from '../../scripts/lib/eval-corpus.mjs';
import type { Row, Summary } from '../../scripts/lib/eval-metrics.mjs';

const run = promisify(execFile);
const SCRIPT = 'scripts/eval-article.mjs';
const CORPUS = 'test/fixtures/eval-corpus';

type Report = Summary & { rows: Row[]; layout: string; wallMs: number };

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gloss-eval-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const isFraction = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;

describe('eval:article on the fixture corpus', () => {
  let report: Report;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    const json = path.join(dir, 'out.json');
    ({ stdout, stderr } = await run(process.execPath, [SCRIPT, '--corpus', CORPUS, '--json', json, '--concurrency', '2'], { timeout: 110_000 }));
    report = JSON.parse(await readFile(json, 'utf8')) as Report;
  });

  test('JSON has the documented shape', () => {
    expect(report.pages).toBe(3);
    expect(report.failures).toBe(0);
    expect(report.layout).toBe('readability');
    for (const key of ['gloss', 'readability'] as const) {
      const f = report[key];
      expect(Object.keys(f.classification).sort()).toEqual(['accuracy', 'precision', 'recall']);
      expect(Object.keys(f.body).sort()).toEqual(['f1', 'precision', 'recall']);
      for (const v of [...Object.values(f.classification), ...Object.values(f.body), f.titleAccuracy]) expect(isFraction(v)).toBe(true);
      expect(f.medianMs).toBeGreaterThan(0);
      expect(f.p95Ms).toBeGreaterThanOrEqual(f.medianMs!);
    }
    expect(report.timeRatio).toBeGreaterThan(0);
    expect(isFraction(report.readerableAgreement)).toBe(true);
    expect(report.rows.map((r) => r.id)).toEqual(['city-homepage', 'garden-blog', 'harbour-news']);
    for (const row of report.rows) {
      expect(row.error).toBeUndefined();
      expect(row.trueClass).toBe(row.readerable ? 'article' : 'other');
      expect(['article', 'other']).toContain(row.gloss?.predicted);
      expect(['article', 'other']).toContain(row.readability?.predicted);
      expect(row.gloss?.ms).toBeGreaterThanOrEqual(0);
      expect(row.readability?.ms).toBeGreaterThanOrEqual(0);
    }
  });

  test('sane values: both detectors get these easy pages right', () => {
    // Readability is scored against its own expected output, and these pages are easy for Gloss.
    expect(report.readability.body.f1).toBeGreaterThan(0.95);
    expect(report.gloss.body.f1).toBeGreaterThan(0.9);
    expect(report.readerableAgreement).toBe(1);
    expect(report.gloss.classification.accuracy).toBe(1);
    const news = report.rows.find((r) => r.id === 'harbour-news')!;
    expect(news.gloss).toMatchObject({ predicted: 'article', titleOk: true, bylineOk: true });
    expect(news.readability).toMatchObject({ byline: 'By Morwenna Tregarthen', bylineOk: true });
    // One page of the three has a true byline; none has a true date.
    expect(report.gloss.bylineAccuracy).toBe(1);
    expect(report.gloss.publishedAccuracy).toBeNull();
    expect(news.gloss?.body?.f1).toBeGreaterThan(0.9);
    const home = report.rows.find((r) => r.id === 'city-homepage')!;
    expect(home.gloss?.predicted).toBe('other');
    expect(home.gloss?.body).toBeNull(); // not an article: not body-scored
  });

  test('prints a report whose last line is the summary, and progress on stderr', () => {
    const last = stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(/^SUMMARY readability pages=3 failed=0 \| Gloss cls P=\S+ R=\S+ A=\S+ body P=\S+ R=\S+ F1=\S+ title=\S+ byline=\S+ date=\S+ median=\S+ p95=\S+ \| Readability /);
    expect(last).toMatch(/timeRatio=\d/);
    expect(last).toMatch(/readerableAgreement=1\.000/);
    expect(stderr).toMatch(/3\/3 pages/);
  });
});

describe('eval:article errors and serving', () => {
  test('an unknown corpus layout exits non-zero with a clear message', async () => {
    const err = await run(process.execPath, [SCRIPT, '--corpus', dir]).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(2);
    expect(err?.stderr).toMatch(/unknown corpus layout/);
  });

  test('--limit and a missing --corpus', async () => {
    const err = await run(process.execPath, [SCRIPT]).catch((e: { code: number; stderr: string }) => e);
    expect(err).toMatchObject({ code: 2 });
    const json = path.join(dir, 'one.json');
    await run(process.execPath, [SCRIPT, '--corpus', CORPUS, '--limit', '1', '--json', json], { timeout: 110_000 });
    expect((JSON.parse(await readFile(json, 'utf8')) as Report).pages).toBe(1);
  });

  test('servePages answers gunzipped pages on 127.0.0.1 and nothing else', async () => {
    const { writeFile } = await import('node:fs/promises');
    const gz = path.join(dir, 'page.html.gz');
    await writeFile(gz, gzipSync('<p>año</p>'));
    const page: CorpusPage = {
      id: 'x', file: gz, trueArticle: true, pageType: null, readerable: null, truthText: null,
      truthHtmlFile: null, title: null, byline: null, published: null, url: null, with: [], without: [],
    };
    const server = await servePages([page]);
    try {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const get = (url: string) =>
        new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
          request(url, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: Buffer.concat(chunks).toString('utf8') }));
          })
            .on('error', reject)
            .end();
        });
      expect(await get(server.pageUrl(0))).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<p>año</p>' });
      expect((await get(`${server.origin}/p/1/`)).status).toBe(404);
      expect((await get(`${server.origin}/favicon.ico`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
