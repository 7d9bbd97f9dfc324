/**
 * Failure codes from the background, as the reader reads them. Most failures carry the error's
 * own text, shown as is inside a sentence ("Couldn't save the note (…)"); a few known codes get
 * a sentence that says what to do instead.
 */
import { STORAGE_FULL } from '@/lib/messaging';

/** i18n keys for the codes that have their own wording. */
const REASONS: Record<string, string> = {
  [STORAGE_FULL]: 'reasonStorageFull',
  'no-reply': 'reasonNoReply',
};

/**
 * The reader-facing reason for a failure code, localised through `t`: `reasonText(t)(code)`.
 * Curried so a call site reads `t('errSave', [reasonText(t)(code)])`, one substitution.
 */
export function reasonText(t: (key: string, subs?: (string | number)[]) => string): (code: string) => string {
  return (code) => {
    const key = Object.hasOwn(REASONS, code) ? REASONS[code] : undefined;
    return key ? t(key) : code;
  };
}
