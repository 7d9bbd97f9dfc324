/** Shared helpers for the article-detection unit tests: fixture loading and body text. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleInfo, DetectOptions } from '../../../lib/article';

export function fixture(name: string): string {
  return readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
}

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** happy-dom has no layout: everything counts as visible. */
export const visible: DetectOptions = { isVisible: () => true };

/** Collapsed text of the returned body elements. */
export function bodyText(info: ArticleInfo): string {
  return info.body.map((el) => el.textContent.replace(/\s+/g, ' ')).join('\n');
}
