/** The panel's header: the shown page's title and site, and the button that toggles the panel. */
import type { PanelApi } from './api';
import type { TabView } from './useTabState';

export function PageHeader({ api, view, inTab }: { api: PanelApi; view: TabView; inTab: boolean }) {
  const { t } = api;
  const article = view.status === 'ready' ? view.state.article : null;
  const host = view.status === 'ready' ? hostOf(view.state.url) : '';
  return (
    <header class="page-header">
      <div class="page-id">
        <p class="site">{article?.siteName || host || 'Gloss'}</p>
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

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
