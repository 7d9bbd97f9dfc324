/**
 * The project's seed demo (seeds/index.html, an EL PAÍS article with newsletter box, in-flow
 * Spanish device notice, "More information" blocks and a "Most viewed" aside): the body must be
 * the paragraphs only, with or without the page's class names, ids and metadata.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { detectArticle } from '../../../lib/article';
import { bodyText, parse, visible } from './helpers';

// <link> removed: happy-dom would try (and loudly fail) to fetch demo.css.
const seed = readFileSync(join(import.meta.dirname, '../../../seeds/index.html'), 'utf8').replace(/<link[^>]*>/g, '');
const TITLE = 'The White House continues to press for military intervention in Mexico to eliminate the cartels';
/** Text that sits around the article body on the seed page. */
const OUTSIDE = ['Sinaloa', 'Chapitos', 'Tu suscripción', 'newsletter', 'Most viewed', 'More information', 'Archived', 'Últimas'];

test.each([
  ['as served', seed, { reason: 'jsonld:NewsArticle', siteName: 'EL PAÍS' }],
  [
    'without class, id, scripts or meta',
    seed.replace(/\s(class|id)="[^"]*"/g, '').replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<meta[^>]*>/gi, ''),
    { reason: 'article-element' },
  ],
])('seed page %s', (_name, html, expected) => {
  const doc = parse(html);
  const info = detectArticle(doc, visible);
  expect(info).toMatchObject({ isArticle: true, title: TITLE, lang: 'en', ...expected });
  expect(info.body).toHaveLength(1);
  expect(info.headline?.localName).toBe('h1');
  const text = bodyText(info);
  expect(text).toMatch(/^\s*Hardly a day goes by/);
  expect(text).toContain('control entire governments');
  for (const outside of OUTSIDE) expect(text).not.toContain(outside);
});
