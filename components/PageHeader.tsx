/** The panel's header: the shown page's title, site and language, and the button that toggles the panel. */
import type { PanelApi } from './api';
import type { TabView } from './useTabState';

export function PageHeader({ api, view, inTab }: { api: PanelApi; view: TabView; inTab: boolean }) {
  const { t } = api;
  const article = view.status === 'ready' ? view.state.article : null;
  const host = view.status === 'ready' ? hostOf(view.state.url) : '';
  return (
    <header class="page-header">
      <div class="page-id">
        <p class="site">
          <span class="site-name">{article?.siteName || host || 'Gloss'}</span>
          {article?.lang && <span data-testid="page-lang"> · {languageName(article.lang, t('@@ui_locale'))}</span>}
        </p>
        {article?.title && <h1 class="title">{article.title}</h1>}
      </div>
      {/* In the side panel this closes it; in a tab (tests, demo) it opens the side panel. The
          browser call happens synchronously inside this click, which is what keeps the gesture. */}
      <button type="button" class="toggle" data-testid="toggle-panel" onClick={() => api.togglePanel()} title={t('togglePanel')}>
        {inTab ? t('openSidePanel') : t('closePanel')}
      </button>
    </header>
  );
}

/** "English", "español"… for a page's language tag, named in the UI's language; the tag itself if unknown. */
export function languageName(tag: string, uiLocale: string): string {
  for (const locale of [uiLocale.replace('_', '-'), 'en']) {
    try {
      return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
    } catch {
      // Not a locale (or not a language tag): try the next, else show the tag as it is.
    }
  }
  return tag;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
