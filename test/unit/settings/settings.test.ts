/** The reader's switches: effective values per site, normalising stored data, serialised writes. */
import { describe, expect, it } from 'vitest';
import {
  createSettingsStore,
  DEFAULT_SETTINGS,
  effectiveFor,
  normaliseSettings,
  siteKey,
  withSitePatch,
  type StorageArea,
} from '@/lib/settings';

function memoryArea(): StorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => {
      await new Promise((r) => setTimeout(r, 1)); // a real write takes a moment
      Object.assign(data, structuredClone(items));
    },
  };
}

describe('siteKey', () => {
  it('is the host without www., empty for URLs without a host', () => {
    expect(siteKey('https://www.elpais.com/a/b')).toBe('elpais.com');
    expect(siteKey('https://english.elpais.com/')).toBe('english.elpais.com');
    expect(siteKey('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(siteKey('data:text/html,hi')).toBe('');
    expect(siteKey('not a url')).toBe('');
  });
});

describe('effectiveFor', () => {
  it('uses the global switches unless the site overrides them', () => {
    const s = withSitePatch({ ...DEFAULT_SETTINGS, highlights: false }, 'a.com', { overlays: false, rules: 'a.com##.x' });
    expect(effectiveFor(s, 'a.com')).toEqual({ overlays: false, highlights: false, highlightColor: 'yellow', rules: 'a.com##.x' });
    expect(effectiveFor(s, 'b.com')).toEqual({ overlays: true, highlights: false, highlightColor: 'yellow', rules: '' });
    expect(effectiveFor(s, '')).toEqual({ overlays: true, highlights: false, highlightColor: 'yellow', rules: '' });
  });
});

describe('withSitePatch', () => {
  it('sets and clears overrides, dropping sites with none left', () => {
    let s = withSitePatch(DEFAULT_SETTINGS, 'a.com', { overlays: false });
    expect(s.sites).toEqual({ 'a.com': { overlays: false } });
    s = withSitePatch(s, 'a.com', { overlays: null });
    expect(s.sites).toEqual({});
    expect(DEFAULT_SETTINGS.sites).toEqual({}); // never mutated
  });
});

describe('normaliseSettings', () => {
  it('turns missing or corrupt storage into defaults and keeps valid fields', () => {
    expect(normaliseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normaliseSettings('junk')).toEqual(DEFAULT_SETTINGS);
    expect(
      normaliseSettings({ overlays: 'no', highlights: false, sites: { 'a.com': { overlays: false, rules: 7 }, 'b.com': 3, 'c.com': {} } }),
    ).toEqual({ overlays: true, highlights: false, highlightColor: 'yellow', sites: { 'a.com': { overlays: false } } });
  });
});

describe('createSettingsStore', () => {
  it('persists updates, and two quick updates never lose one', async () => {
    const area = memoryArea();
    const store = createSettingsStore(area);
    await Promise.all([
      store.update((s) => withSitePatch(s, 'a.com', { overlays: false })),
      store.update((s) => withSitePatch(s, 'b.com', { highlights: false })),
    ]);
    const again = createSettingsStore(area);
    expect((await again.get()).sites).toEqual({ 'a.com': { overlays: false }, 'b.com': { highlights: false } });
  });

  it('falls back to defaults when storage cannot be read', async () => {
    const store = createSettingsStore({ get: () => Promise.reject(new Error('broken')), set: async () => {} });
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    } finally {
      console.warn = warn;
    }
  });
});
