/**
 * Settings persistence in `storage.local` (the extension's own storage, never the site's).
 * The storage area is injected so unit tests pass an in-memory fake.
 */
import { DEFAULT_SETTINGS, normaliseSettings, type Settings } from './schema';

export const SETTINGS_KEY = 'settings';

/** The slice of `storage.local` the store uses. */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SettingsStore {
  get(): Promise<Settings>;
  /** Applies `change` to the current settings and writes the result; returns it. */
  update(change: (current: Settings) => Settings): Promise<Settings>;
}

/** A settings store over `area`; writes are serialised so two quick toggles never lose one. */
export function createSettingsStore(area: StorageArea): SettingsStore {
  let queue: Promise<unknown> = Promise.resolve();
  const get = async () => {
    try {
      return normaliseSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
    } catch (e) {
      console.warn('Gloss: could not read settings; using defaults', e);
      return structuredClone(DEFAULT_SETTINGS);
    }
  };
  return {
    get,
    update(change) {
      const run = queue.then(async () => {
        // Normalised on the way in too: a malformed patch (from any panel) never gets stored.
        const next = normaliseSettings(change(await get()));
        await area.set({ [SETTINGS_KEY]: next });
        return next;
      });
      queue = run.catch(() => {});
      return run;
    },
  };
}
