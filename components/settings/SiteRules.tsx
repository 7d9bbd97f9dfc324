/**
 * The reader's own overlay rules for the shown site (filter-list element-hiding syntax, see
 * docs/overlay-rules.md): a text area checked line by line with the browser's own selector
 * parser before saving, so a typo is named with its line instead of silently doing nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import { browserSelectorCheck, parseRules, type RuleError } from '@/lib/overlays/rules';
import type { Settings } from '@/lib/settings/schema';
import type { PanelApi } from '../api';
import type { useSettings } from '../useSettings';

interface Props {
  t: PanelApi['t'];
  settings: Settings;
  site: string;
  update: ReturnType<typeof useSettings>['update'];
}

export function SiteRules({ t, settings, site, update }: Props) {
  const stored = settings.sites[site]?.rules ?? '';
  const [text, setText] = useState(stored);
  const [errors, setErrors] = useState<RuleError[]>([]);
  const [saved, setSaved] = useState(false);
  // Another site shown, or the rules changed elsewhere: start from what is stored.
  useEffect(() => {
    setText(stored);
    setErrors([]);
  }, [site, stored]);

  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const parsed = parseRules(text, browserSelectorCheck(document));
    setErrors(parsed.errors);
    if (parsed.errors.length) return;
    const trimmed = text.trim();
    setSaved(await update({ site, sitePatch: { rules: trimmed ? trimmed : null } }));
  };

  const id = 'site-rules';
  return (
    <form class="site-rules" onSubmit={save}>
      <label for={id}>{t('siteRulesLabel', [site])}</label>
      <textarea
        id={id}
        data-testid="site-rules"
        rows={3}
        spellcheck={false}
        value={text}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length ? `${id}-errors` : undefined}
        onInput={(e) => {
          setText(e.currentTarget.value);
          setSaved(false);
        }}
      />
      {errors.length > 0 && (
        <ul id={`${id}-errors`} role="alert" class="error" data-testid="site-rules-errors">
          {errors.map((err) => (
            <li key={err.line}>{t('rulesError', [err.line, err.message])}</li>
          ))}
        </ul>
      )}
      <button type="submit" class="secondary" data-testid="save-rules">
        {t('saveRules')}
      </button>
      {saved && (
        <span role="status" class="muted">
          {' '}
          {t('rulesSaved')}
        </span>
      )}
    </form>
  );
}
