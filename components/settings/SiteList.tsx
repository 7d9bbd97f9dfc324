/**
 * Every site the reader set something for (overlay hiding or highlights off, own overlay rules),
 * with what was set and a Reset that returns the site to the global settings.
 */
import type { Settings, SiteSettings } from '@/lib/settings/schema';
import type { PanelApi } from '../api';
import type { useSettings } from '../useSettings';

interface Props {
  t: PanelApi['t'];
  settings: Settings;
  update: ReturnType<typeof useSettings>['update'];
}

function describe(t: PanelApi['t'], s: SiteSettings): string {
  const parts: string[] = [];
  if (s.overlays === false) parts.push(t('siteOverlaysOff'));
  if (s.highlights === false) parts.push(t('siteHighlightsOff'));
  if (s.rules) parts.push(t('siteHasRules'));
  if (s.dismissed?.length) parts.push(t('siteDismissed', [s.dismissed.length]));
  return parts.join(', ');
}

export function SiteList({ t, settings, update }: Props) {
  const sites = Object.entries(settings.sites).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section class="site-list" aria-labelledby="site-list-title">
      <h3 id="site-list-title">{t('siteListTitle')}</h3>
      {sites.length === 0 ? (
        <p class="muted">{t('siteListEmpty')}</p>
      ) : (
        <ul data-testid="site-list">
          {sites.map(([site, s]) => (
            <li key={site}>
              <span>
                <strong>{site}</strong> <span class="muted">{describe(t, s)}</span>
              </span>{' '}
              <button
                type="button"
                class="link"
                aria-label={t('siteResetLabel', [site])}
                onClick={() => void update({ site, sitePatch: { overlays: null, highlights: null, rules: null, dismissed: null } })}
              >
                {t('siteReset')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
