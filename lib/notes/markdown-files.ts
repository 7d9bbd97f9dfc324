/**
 * Notes as Markdown files with YAML front matter, the way Obsidian and most note apps keep them:
 * one `.md` file per note, `aliases`, `tags` and `sources` as front-matter lists, the body below.
 * Only the small YAML subset Gloss writes (and Obsidian writes for these keys) is read: scalars,
 * `[a, b]` lists and `- item` lists; anything else is an error naming the file and line.
 */
import { parseFileNote } from './file-format';
import type { ImportInput } from './repo';
import type { Note } from './schema';

/** The Markdown text of one note. Strings are JSON-quoted, which is valid YAML for any text. */
export function noteToMarkdown(note: Note): string {
  const q = (s: string) => JSON.stringify(s);
  const list = (key: string, items: readonly string[]) => (items.length ? [`${key}:`, ...items.map((i) => `  - ${q(i)}`)] : [`${key}: []`]);
  const lines = [
    '---',
    `title: ${q(note.title)}`,
    ...list('aliases', note.aliases),
    ...list('tags', note.tags),
    // A titled source as a Markdown link, so its label survives the round trip.
    ...list('sources', note.sources.map((s) => (s.title ? `[${s.title.replace(/[\\\]]/g, '\\$&')}](${s.url})` : s.url))),
    `created: ${new Date(note.createdAt).toISOString()}`,
    `updated: ${new Date(note.updatedAt).toISOString()}`,
    '---',
    '',
  ];
  // The file ends with one newline after the body, which the reader takes off again: a body that
  // itself ends with a newline keeps it.
  return `${lines.join('\n')}${note.body}${note.body ? '\n' : ''}`;
}

/**
 * A file name for each note: the title without characters file systems or Obsidian refuse,
 * de-duplicated with " (2)", " (3)"... Returned in the order of `notes`.
 */
export function markdownFileNames(notes: readonly { title: string }[]): string[] {
  const used = new Set<string>();
  return notes.map(({ title }) => {
    const base = title.replace(/[\\/:*?"<>|#^[\]\p{Cc}]/gu, '-').replace(/^\.+/, '').trim().slice(0, 100) || 'note';
    let name = `${base}.md`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n}).md`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Reads one Markdown file; `fileName` names it in errors and is the title when front matter has none. */
export function parseMarkdownNote(text: string, fileName: string): { ok: true; note: ImportInput } | { ok: false; error: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fields: Record<string, unknown> = {};
  let bodyStart = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (end < 0) return { ok: false, error: `${fileName} line 1: front matter is not closed with "---".` };
    let listKey: string | null = null;
    for (let i = 1; i < end; i++) {
      const line = lines[i]!;
      const at = `${fileName} line ${i + 1}`;
      if (!line.trim() || line.trimStart().startsWith('#')) continue;
      const item = /^\s+-\s*(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line);
      if (item && listKey) {
        const v = scalar(item[1]!);
        if (v instanceof Error) return { ok: false, error: `${at}: ${v.message}` };
        (fields[listKey] as unknown[]).push(v);
        continue;
      }
      const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
      if (!kv) return { ok: false, error: `${at}: expected "key: value".` };
      const [, key, rest] = kv as unknown as [string, string, string];
      listKey = null;
      if (rest.trim() === '') {
        fields[key] = [];
        listKey = key;
      } else if (rest.trim().startsWith('[')) {
        const v = flowList(rest.trim());
        if (v instanceof Error) return { ok: false, error: `${at}: ${v.message}` };
        fields[key] = v;
      } else {
        const v = scalar(rest);
        if (v instanceof Error) return { ok: false, error: `${at}: ${v.message}` };
        fields[key] = v;
      }
    }
    bodyStart = end + 1;
    if (lines[bodyStart] === '') bodyStart++;
  }
  const title = fields.title ?? fileName.replace(/^.*\//, '').replace(/\.md$/i, '');
  const asList = (x: unknown) => (x === undefined || x === null ? [] : Array.isArray(x) ? x.map(String) : [String(x)]);
  const time = (x: unknown) => {
    if (x === undefined) return undefined;
    const ms = Date.parse(String(x));
    return Number.isNaN(ms) ? -1 : ms;
  };
  const body = lines.slice(bodyStart).join('\n');
  const raw = {
    title: String(title),
    aliases: asList(fields.aliases),
    // Obsidian allows "#tag" in front matter too.
    tags: asList(fields.tags).map((t) => t.replace(/^#/, '')),
    sources: asList(fields.sources).map(sourceOf),
    body: bodyStart > 0 && body.endsWith('\n') ? body.slice(0, -1) : body,
    createdAt: time(fields.created),
    updatedAt: time(fields.updated),
  };
  return parseFileNote(JSON.parse(JSON.stringify(raw)), fileName);
}

/** A source as written in front matter: a bare address, or `[label](address)`. */
function sourceOf(text: string): string | { url: string; title: string } {
  const link = /^\[((?:[^\]\\]|\\.)*)\]\((\S+)\)$/.exec(text.trim());
  return link ? { url: link[2]!, title: link[1]!.replace(/\\(.)/g, '$1') } : text;
}

/** A YAML scalar as Gloss reads it: "double" (JSON escapes), 'single', or plain text. */
function scalar(raw: string): string | null | Error {
  const s = raw.trim();
  if (s.startsWith('"')) {
    try {
      const v: unknown = JSON.parse(s);
      return typeof v === 'string' ? v : new Error('a quoted value must be text.');
    } catch {
      return new Error(`bad double-quoted value ${s}.`);
    }
  }
  if (s.startsWith("'")) {
    if (!s.endsWith("'") || s.length < 2) return new Error(`bad single-quoted value ${s}.`);
    return s.slice(1, -1).replace(/''/g, "'");
  }
  if (s === '' || s === '~' || s === 'null') return null;
  // A plain value ends where a comment starts.
  return s.replace(/\s+#.*$/, '');
}

/** `[a, "b", 'c']`. */
function flowList(s: string): string[] | Error {
  if (!s.endsWith(']')) return new Error('a "[" list must end with "]".');
  const inner = s.slice(1, -1).trim();
  if (!inner) return [];
  const out: string[] = [];
  for (const piece of inner.match(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,]+/g) ?? []) {
    if (!piece.trim() || piece.trim() === ',') continue;
    const v = scalar(piece);
    if (v instanceof Error) return v;
    if (v !== null) out.push(v);
  }
  return out;
}
