/**
 * A small Markdown reader for note bodies: paragraphs, headings, emphasis, strong, inline and
 * fenced code, links and lists. It returns a plain tree, never HTML, so the panel can render
 * it with ordinary elements and no `innerHTML`: text stays text whatever the note contains.
 * Links survive only with http(s) or mailto addresses; any other link is shown as its text.
 */
import { isSafeLink } from './schema';

export type Inline =
  | string
  | { type: 'em' | 'strong'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'p'; children: Inline[] }
  | { type: 'h'; level: 1 | 2 | 3 | 4 | 5 | 6; children: Inline[] }
  | { type: 'ul' | 'ol'; items: Inline[][] }
  | { type: 'code'; text: string }
  | { type: 'quote'; children: Inline[] };

const LIST_ITEM = /^\s{0,3}([-*+]|\d{1,9}[.)])\s+(.*)$/;

/** Parses Markdown text into blocks. */
export function parseMarkdown(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ type: 'p', children: parseInline(para.join('\n')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s{0,3}(```|~~~)/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!); i++) code.push(lines[i]!);
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'h', level: heading[1]!.length as 1, children: parseInline(heading[2]!) });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      const ordered = /\d/.test(item[1]!);
      const items: Inline[][] = [];
      let current = [item[2]!];
      for (i++; i < lines.length; i++) {
        const next = LIST_ITEM.exec(lines[i]!);
        if (next && /\d/.test(next[1]!) === ordered) {
          items.push(parseInline(current.join('\n')));
          current = [next[2]!];
        } else if (lines[i]!.trim() && /^\s+/.test(lines[i]!)) {
          current.push(lines[i]!.trim());
        } else break;
      }
      items.push(parseInline(current.join('\n')));
      i--;
      blocks.push({ type: ordered ? 'ol' : 'ul', items });
      continue;
    }
    const quote = /^\s{0,3}>\s?(.*)$/.exec(line);
    if (quote) {
      flush();
      const quoted = [quote[1]!];
      for (i++; i < lines.length && /^\s{0,3}>/.test(lines[i]!); i++) quoted.push(lines[i]!.replace(/^\s{0,3}>\s?/, ''));
      i--;
      blocks.push({ type: 'quote', children: parseInline(quoted.join('\n')) });
      continue;
    }
    para.push(line);
  }
  flush();
  return blocks;
}

// Alternatives, earliest match wins; at the same position the first listed wins.
const INLINE = new RegExp(
  [
    /`([^`\n]+)`/.source, // 1 code
    /\[([^\]\n]+)\]\(\s*<?([^)\s>]+)>?\s*\)/.source, // 2 text, 3 href
    /\*\*(?=\S)([\s\S]+?)\*\*/.source, // 4 strong
    /__(?=\S)([\s\S]+?)__/.source, // 5 strong
    /\*(?=\S)([^*]+?)\*/.source, // 6 em
    /(?<![\w])_(?=\S)([^_]+?)_(?![\w])/.source, // 7 em
    /<((?:https?:\/\/|mailto:)[^\s>]+)>/.source, // 8 autolink
    /\bhttps?:\/\/[^\s<>()]*[^\s<>().,;:!?'"]/.source, // bare URL (whole match)
  ].join('|'),
);

/** Parses inline Markdown (emphasis, strong, code, links) into a list of text and elements. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest) {
    const m = INLINE.exec(rest);
    if (!m) {
      push(out, rest);
      break;
    }
    push(out, rest.slice(0, m.index));
    const [whole, code, linkText, href, s1, s2, e1, e2, auto] = m;
    if (code !== undefined) out.push({ type: 'code', text: code });
    else if (linkText !== undefined) {
      const children = parseInline(linkText);
      if (isSafeLink(href!)) out.push({ type: 'link', href: href!, children });
      else for (const c of children) push(out, c);
    } else if (s1 !== undefined || s2 !== undefined) out.push({ type: 'strong', children: parseInline((s1 ?? s2)!) });
    else if (e1 !== undefined || e2 !== undefined) out.push({ type: 'em', children: parseInline((e1 ?? e2)!) });
    else {
      const url = auto ?? whole;
      if (isSafeLink(url)) out.push({ type: 'link', href: url, children: [url.replace(/^mailto:/, '')] });
      else push(out, whole);
    }
    rest = rest.slice(m.index + whole.length);
  }
  return out;
}

function push(out: Inline[], item: Inline) {
  if (typeof item === 'string') {
    if (!item) return;
    const last = out[out.length - 1];
    if (typeof last === 'string') out[out.length - 1] = last + item;
    else out.push(item);
  } else out.push(item);
}
