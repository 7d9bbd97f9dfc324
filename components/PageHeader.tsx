/** The panel's header: the shown page's title, site, language and credits, and the button that toggles the panel. */
import { fold } from '@/lib/article/text';
import type { PanelApi } from './api';
import type { TabView } from './useTabState';

export function PageHeader({ api, view, inTab }: { api: PanelApi; view: TabView; inTab: boolean }) {
  const { t } = api;
  const article = view.status === 'ready' ? view.state.article : null;
  const host = view.status === 'ready' ? hostOf(view.state.url) : '';
  // A byline that only repeats the site's name (wire copy credited to the paper) says nothing new.
  const byline = article?.byline && fold(article.byline) !== fold(article.siteName) ? article.byline : '';
  const credits = [byline, article?.published ? formatDate(article.published, t('@@ui_locale')) : ''].filter(Boolean).join(' · ');
  return (
    <header class="page-header">
      <div class="page-id">
        <p class="site">
          <span class="site-name">{article?.siteName || host || 'Gloss'}</span>
          {article?.lang && <span data-testid="page-lang"> · {languageName(article.lang, t('@@ui_locale'))}</span>}
        </p>
        {article?.title && <h1 class="title">{article.title}</h1>}
        {credits && (
          <p class="credits" data-testid="page-credits">
            {credits}
          </p>
        )}
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

/**
 * "12 Mar 2024" for a page's publication time, in the UI's language; '' when it is no date. A
 * bare date ("2024-03-12") is that calendar day wherever the reader is, so it is shown in UTC.
 */
export function formatDate(value: string, uiLocale: string): string {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value.trim());
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', ...(dateOnly ? { timeZone: 'UTC' } : {}) };
  for (const locale of [uiLocale.replace('_', '-'), 'en']) {
    try {
      return new Intl.DateTimeFormat(locale, options).format(ms);
    } catch {
      // Not a locale: try the next.
    }
  }
  return '';
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
