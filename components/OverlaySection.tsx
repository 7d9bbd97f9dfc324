/** "1 overlay hidden" with its labels and the Show again button that restores what was hidden. */
import { useState } from 'preact/hooks';
import type { TabState } from '@/lib/messaging';
import type { PanelApi } from './api';

interface Props {
  api: PanelApi;
  tabId: number;
  overlays: TabState['overlays'];
  /** How the article's text is visibly cut off behind a gate, if it is (TabState.gate). */
  gate?: string | null;
  onShownAgain: () => void;
  /** The per-site switch, shown under whatever the section says. */
  children?: preact.ComponentChildren;
}

export function OverlaySection(props: Props) {
  const notice = props.gate ? (
    <p class="notice" role="note" data-testid="gate-notice">
      {props.api.t('gateNotice')}
    </p>
  ) : null;
  return (
    <>
      {notice}
      <OverlayList {...props} />
    </>
  );
}

function OverlayList({ api, tabId, overlays, onShownAgain, children }: Props) {
  const { t } = api;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const n = overlays.labels.length;

  const simple = (text: string, testid?: string) => (
    <section class="overlays" aria-label={t('overlaysHeading')}>
      <p data-testid={testid}>{text}</p>
      {children}
    </section>
  );
  if (!overlays.enabled) return simple(t('overlaysOff'), 'overlays-off');
  if (overlays.shownAgain) return simple(t('overlaysShownAgain'), 'shown-again');
  if (n === 0) return simple(t('overlaysNone'));
  const showAgain = async () => {
    setBusy(true);
    const reply = await api.call('panel:showOverlaysAgain', { tabId });
    setBusy(false);
    if (reply.ok) onShownAgain();
    else setError(t('errShowAgain'));
  };
  return (
    <section class="overlays" aria-label={t('overlaysHeading')}>
      <p data-testid="overlay-count">
        <strong>{n === 1 ? t('overlayHiddenOne') : t('overlaysHiddenMany', [n])}</strong>
      </p>
      <ul class="overlay-labels">
        {overlays.labels.map((label, i) => (
          <li key={i}>{label}</li>
        ))}
      </ul>
      <button type="button" data-testid="show-again" onClick={showAgain} disabled={busy}>
        {t('showAgain')}
      </button>
      {error && <p role="alert" class="error">{error}</p>}
      {children}
    </section>
  );
}
