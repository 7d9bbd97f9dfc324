/**
 * Every UI string the panel asks for exists in every locale, with the same placeholders.
 * The real `t` falls back to the key itself, so a missing message would show "errTitleLong"
 * to a reader instead of failing anywhere else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_TEXT } from '../../../lib/notes/schema';
import { readMessages } from './fake-api';

const COMPONENTS = join(import.meta.dirname, '..', '..', '..', 'components');
const sources = readdirSync(COMPONENTS)
  .filter((f) => f.endsWith('.tsx'))
  .map((f) => ({ file: f, text: readFileSync(join(COMPONENTS, f), 'utf8') }));

/** Every `t('key'...)` / `t("key"...)` call in the components, with its substitution count when literal. */
function literalCalls() {
  const calls: { file: string; key: string; subs: number | null }[] = [];
  for (const { file, text } of sources) {
    for (const m of text.matchAll(/\bt\(\s*(['"])([A-Za-z0-9_]+)\1\s*(?:,\s*\[([^\]]*)\])?\s*(\))?/g)) {
      const [, , key, list, closed] = m;
      // `t('k')` has no subs; `t('k', [a, b])` has 2; anything else (a variable) is not counted.
      const subs = list !== undefined ? list.split(',').filter((s) => s.trim()).length : closed ? 0 : null;
      calls.push({ file, key: key!, subs });
    }
  }
  return calls;
}

const calls = literalCalls();
const usedKeys = [...new Set([...calls.map((c) => c.key), ...Object.keys(ERROR_TEXT)])].sort();
const en = readMessages('en');
const es = readMessages('es');
const placeholders = (message: string) => [...new Set(message.match(/\$\d/g) ?? [])].sort();

describe('panel strings', () => {
  it('finds the t() calls in the components (the scan itself works)', () => {
    expect(sources.length).toBeGreaterThanOrEqual(5);
    expect(calls.length).toBeGreaterThan(30);
    expect(usedKeys).toContain('onThisPage');
    expect(usedKeys).toContain('errTitleEmpty');
  });

  it('only passes t() literal keys, or a validation error code', () => {
    // A key built at runtime cannot be checked here: keep them to ERROR_TEXT codes.
    const dynamic = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bt\(\s*([^'")\s][^,)]*)/g)].map((m) => `${file}: t(${m[1]}`),
    );
    expect(dynamic).toEqual(['NoteEditor.tsx: t(error.message']);
  });

  it.each(usedKeys)('%s exists in en and es', (key) => {
    expect(en[key]?.message, `en/${key}`).toBeTruthy();
    expect(es[key]?.message, `es/${key}`).toBeTruthy();
  });

  it('en and es have the same keys', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it('en and es use the same $n placeholders in each message', () => {
    const differ = Object.keys(en).filter((k) => es[k] && placeholders(en[k]!.message).join() !== placeholders(es[k]!.message).join());
    expect(differ).toEqual([]);
  });

  it('each literal call passes as many substitutions as its message has placeholders', () => {
    const wrong = calls
      .filter((c) => c.subs !== null && en[c.key])
      .filter((c) => placeholders(en[c.key]!.message).length !== c.subs)
      .map((c) => `${c.file}: ${c.key} gets ${c.subs}, message has ${placeholders(en[c.key]!.message).join(' ') || 'none'}`);
    expect(wrong).toEqual([]);
  });

  it('validation errors read the same in the panel as in ERROR_TEXT (English)', () => {
    for (const [key, text] of Object.entries(ERROR_TEXT)) expect(en[key]?.message).toBe(text);
  });
});
