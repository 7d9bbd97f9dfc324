/**
 * What the panel was showing (the screen and how far it was scrolled), kept in the extension
 * page's localStorage so closing and reopening the panel, or the browser stopping it, brings the
 * reader back where they were. Any storage failure just means starting on the page screen.
 */
import { defaultDraftStorage, type DraftStorage } from './notes/drafts';

const KEY = 'gloss:panel-screen';

/** The screens worth coming back to; the editor's text itself is kept as a draft (drafts.ts). */
export type RememberedScreen =
  | { kind: 'page' }
  | { kind: 'library' }
  | { kind: 'note'; id: string; from?: 'page' | 'library' }
  | { kind: 'edit'; id: string | null; from?: 'page' | 'library' };

export interface PanelMemory {
  screen: RememberedScreen;
  scrollY: number;
}

const FROM = new Set(['page', 'library', undefined]);

function isScreen(x: unknown): x is RememberedScreen {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as Record<string, unknown>;
  if (s.kind === 'page' || s.kind === 'library') return true;
  if (!FROM.has(s.from as string | undefined)) return false;
  if (s.kind === 'note') return typeof s.id === 'string' && s.id !== '';
  return s.kind === 'edit' && (s.id === null || typeof s.id === 'string');
}

/** The remembered state, or the page screen at the top. */
export function loadPanelMemory(storage: DraftStorage | null = defaultDraftStorage()): PanelMemory {
  try {
    const raw = JSON.parse(storage?.getItem(KEY) ?? 'null') as { screen?: unknown; scrollY?: unknown } | null;
    if (raw && isScreen(raw.screen)) {
      const scrollY = typeof raw.scrollY === 'number' && raw.scrollY > 0 ? raw.scrollY : 0;
      return { screen: raw.screen, scrollY };
    }
  } catch {
    /* unreadable: start fresh */
  }
  return { screen: { kind: 'page' }, scrollY: 0 };
}

export function savePanelMemory(memory: PanelMemory, storage: DraftStorage | null = defaultDraftStorage()): void {
  try {
    const { kind } = memory.screen;
    const screen = kind === 'page' || kind === 'library' ? { kind } : memory.screen;
    storage?.setItem(KEY, JSON.stringify({ screen, scrollY: Math.round(memory.scrollY) }));
  } catch {
    /* full or blocked: nothing to remember */
  }
}
