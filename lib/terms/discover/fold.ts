/**
 * Folding for discovery: the key under which variants of one name meet ("México" and
 * "Mexico", "EL PAÍS" and "El País", "Sheinbaum’s" and "Sheinbaum").
 */

/** Lower case, no diacritics, straight apostrophes and hyphens, single spaces. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02BC]/gu, "'")
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The key notes use (lib/notes/schema foldKey): what `exclude` is asked about, so the caller can
 * compare with its notes' alias keys directly. Repeated here so the content script does not pull
 * in the notes schema.
 */
export function noteKey(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Drops a final possessive: "Trump’s" → "Trump", "Davis’" → "Davis". */
export function stripPossessive(word: string): string {
  return word.replace(/['\u2019](?:s|S)?$/u, '');
}
