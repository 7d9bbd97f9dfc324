/**
 * Shared types of the term matcher (kept apart so the modules that implement
 * them do not import each other just for types).
 */

/** One note of the reader's dictionary, as sent to content scripts (no note body). */
export interface DictEntry {
  noteId: string;
  title: string;
  aliases: readonly string[];
}

/** A match in a plain string; offsets are UTF-16 indices in the ORIGINAL (unfolded) text. */
export interface TextMatch {
  start: number;
  end: number;
  noteId: string;
}

/** Finds dictionary terms in plain text. Kept minimal so the algorithm can be swapped (e.g. Aho-Corasick). */
export interface Matcher {
  /** Non-overlapping, longest-first, left-to-right matches. */
  match(text: string): TextMatch[];
}

/** A match in the page, as a live DOM Range (the page DOM itself is never modified). */
export interface Mention {
  noteId: string;
  range: Range;
}
