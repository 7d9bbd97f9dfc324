/**
 * The reader's switches: overlay hiding and highlighting, everywhere and for the shown site.
 * Changes apply to open tabs at once (the background tells every tab).
 */
import type { Settings } from '@/lib/settings/schema';
import type { PanelApi } from './api';
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
      {site && <SiteRules t={t} settings={settings} site={site} update={update} />}
    </details>
  );
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
