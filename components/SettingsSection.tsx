/**
 * The reader's switches: overlay hiding and highlighting, everywhere and for the shown site.
 * Changes apply to open tabs at once (the background tells every tab).
 */
import type { Settings } from '@/lib/settings/schema';
import type { PanelApi } from './api';
import { HIGHLIGHT_COLORS, type HighlightColor } from '@/lib/settings/schema';
import { SiteList } from './settings/SiteList';
import { SiteRules } from './settings/SiteRules';
import type { useSettings } from './useSettings';

interface Props {
  t: PanelApi['t'];
  settings: Settings;
  /** The shown page's site, or '' when there is none. */
  site: string;
  update: ReturnType<typeof useSettings>['update'];
}

export function SettingsSection({ t, settings, site, update }: Props) {
  const siteHighlights = site ? settings.sites[site]?.highlights : undefined;
  return (
    <details class="settings">
      <summary>{t('settingsHeading')}</summary>
      <label class="check">
        <input
          type="checkbox"
          data-testid="global-overlays"
          checked={settings.overlays}
          onChange={(e) => void update({ global: { overlays: e.currentTarget.checked } })}
        />
        {t('settingHideOverlays')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          data-testid="global-highlights"
          checked={settings.highlights}
          onChange={(e) => void update({ global: { highlights: e.currentTarget.checked } })}
        />
        {t('settingHighlights')}
      </label>
      {site && (
        <label class="check">
          <input
            type="checkbox"
            data-testid="site-no-highlights"
            checked={siteHighlights === false}
            onChange={(e) => void update({ site, sitePatch: { highlights: e.currentTarget.checked ? false : null } })}
          />
          {t('settingSiteNoHighlights', [site])}
        </label>
      )}
      <fieldset class="colors">
        <legend>{t('highlightColor')}</legend>
        {HIGHLIGHT_COLORS.map((color) => (
          <label key={color} class="check">
            <input
              type="radio"
              name="highlight-color"
              value={color}
              data-testid={`color-${color}`}
              checked={settings.highlightColor === color}
              onChange={() => void update({ global: { highlightColor: color } })}
            />
            <span class={`swatch swatch-${color}`} aria-hidden="true" />
            {colorLabel(t, color)}
          </label>
        ))}
      </fieldset>
      {site && <SiteRules t={t} settings={settings} site={site} update={update} />}
      <SiteList t={t} settings={settings} update={update} />
    </details>
  );
}

/** Each colour's name (literal keys, so the locale check can see them). */
function colorLabel(t: PanelApi['t'], color: HighlightColor): string {
  const labels: Record<HighlightColor, string> = { yellow: t('color_yellow'), green: t('color_green'), blue: t('color_blue'), pink: t('color_pink') };
  return labels[color];
}

/** "Don't hide overlays on this site", shown with the overlays. */
export function SiteOverlaySwitch({ t, settings, site, update }: Props) {
  if (!site) return null;
  return (
    <label class="check">
      <input
        type="checkbox"
        data-testid="site-no-overlays"
        checked={settings.sites[site]?.overlays === false}
        onChange={(e) => void update({ site, sitePatch: { overlays: e.currentTarget.checked ? false : null } })}
      />
      {t('settingSiteNoOverlays', [site])}
    </label>
  );
}
