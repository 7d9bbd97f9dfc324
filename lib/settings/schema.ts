/**
 * The reader's switches: global defaults and per-site overrides (hide overlays, highlight terms,
 * the reader's own overlay rules for that site). Pure: stored by the background in
 * `storage.local`, read by content scripts only as the effective values for their own site.
 */

/** Per-site overrides; a missing field means "use the global setting". */
export interface SiteSettings {
  overlays?: boolean;
  highlights?: boolean;
  /** The reader's overlay rules for this site (filter-list syntax, one per line). */
  rules?: string;
  /** Suggestions ("Also mentioned") the reader dismissed on this site, as folded labels. */
  dismissed?: string[];
}

/** Most dismissed suggestions kept per site (the oldest go first). */
export const MAX_DISMISSED = 500;

/**
 * Colours the highlights can take; each is its own `::highlight(gloss-term…)` rule in the content
 * stylesheet, so switching colour never injects anything into the page.
 */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** The highlight name (CSS.highlights key) for a colour: `gloss-term` for yellow, else `gloss-term-<colour>`. */
export function highlightNameFor(color: HighlightColor): string {
  return color === 'yellow' ? 'gloss-term' : `gloss-term-${color}`;
}

export interface Settings {
  /** Hide subscription overlays on articles. */
  overlays: boolean;
  /** Highlight names and terms that have notes. */
  highlights: boolean;
  /** Colour of those highlights. */
  highlightColor: HighlightColor;
  /** Keyed by site (see siteKey). */
  sites: Record<string, SiteSettings>;
}

/** What a content script needs for its page. */
export interface EffectiveSettings {
  overlays: boolean;
  highlights: boolean;
  highlightColor: HighlightColor;
  rules: string;
}

export const DEFAULT_SETTINGS: Settings = { overlays: true, highlights: true, highlightColor: 'yellow', sites: {} };

/**
 * The site a URL belongs to: its hostname without a leading "www.", so a switch set on
 * www.example.com also covers example.com. Empty for URLs without a host (file:, data:).
 */
export function siteKey(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The effective switches for one site. */
export function effectiveFor(settings: Settings, site: string): EffectiveSettings {
  const s = (site && settings.sites[site]) || {};
  return {
    overlays: s.overlays ?? settings.overlays,
    highlights: s.highlights ?? settings.highlights,
    highlightColor: settings.highlightColor,
    rules: s.rules ?? '',
  };
}

/** Parses whatever storage holds into valid Settings (unknown or corrupt values fall back to defaults). */
export function normaliseSettings(raw: unknown): Settings {
  const r = isObj(raw) ? raw : {};
  const sites: Record<string, SiteSettings> = {};
  if (isObj(r.sites)) {
    for (const [key, value] of Object.entries(r.sites)) {
      if (!isObj(value)) continue;
      const site: SiteSettings = {};
      if (typeof value.overlays === 'boolean') site.overlays = value.overlays;
      if (typeof value.highlights === 'boolean') site.highlights = value.highlights;
      if (typeof value.rules === 'string') site.rules = value.rules;
      if (Array.isArray(value.dismissed)) {
        const list = value.dismissed.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200);
        if (list.length) site.dismissed = list.slice(-MAX_DISMISSED);
      }
      if (Object.keys(site).length) sites[key] = site;
    }
  }
  return {
    overlays: typeof r.overlays === 'boolean' ? r.overlays : DEFAULT_SETTINGS.overlays,
    highlights: typeof r.highlights === 'boolean' ? r.highlights : DEFAULT_SETTINGS.highlights,
    highlightColor: (HIGHLIGHT_COLORS as readonly unknown[]).includes(r.highlightColor) ? (r.highlightColor as HighlightColor) : DEFAULT_SETTINGS.highlightColor,
    sites,
  };
}

/** Applies a patch for one site (`null` clears an override) and drops empty site entries. */
export function withSitePatch(settings: Settings, site: string, patch: { [K in keyof SiteSettings]?: SiteSettings[K] | null }): Settings {
  const next: SiteSettings = { ...settings.sites[site] };
  for (const key of ['overlays', 'highlights', 'rules', 'dismissed'] as const) {
    if (!(key in patch)) continue;
    const value = patch[key];
    if (value === null || value === undefined) delete next[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  const sites = { ...settings.sites };
  if (Object.keys(next).length) sites[site] = next;
  else delete sites[site];
  return { ...settings, sites };
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
