/**
 * Renders a note body from the Markdown tree of lib/notes/markdown as Preact elements: no
 * innerHTML anywhere, so nothing in a note can become markup or script. Headings start at h3
 * (the note title is the panel's h2); links open in a new tab without handing it this page.
 */
import type { ComponentChildren } from 'preact';
import { parseMarkdown, type Block, type Inline } from '@/lib/notes/markdown';

/** The note body as formatted text. */
export function Markdown({ text }: { text: string }) {
  return <>{parseMarkdown(text).map(block)}</>;
}

function block(b: Block, key: number) {
  switch (b.type) {
    case 'p':
      return <p key={key}>{inlines(b.children)}</p>;
    case 'h': {
      const Tag = `h${Math.min(6, b.level + 2)}` as 'h3';
      return <Tag key={key}>{inlines(b.children)}</Tag>;
    }
    case 'ul':
    case 'ol': {
      const Tag = b.type;
      return (
        <Tag key={key}>
          {b.items.map((item, i) => (
            <li key={i}>{inlines(item)}</li>
          ))}
        </Tag>
      );
    }
    case 'code':
      return (
        <pre key={key}>
          <code>{b.text}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={key}>{inlines(b.children)}</blockquote>;
  }
}

function inlines(items: Inline[]): ComponentChildren {
  return items.map((item, i) => {
    if (typeof item === 'string') return withBreaks(item, i);
    switch (item.type) {
      case 'em':
        return <em key={i}>{inlines(item.children)}</em>;
      case 'strong':
        return <strong key={i}>{inlines(item.children)}</strong>;
      case 'code':
        return <code key={i}>{item.text}</code>;
      case 'link':
        return <ExternalLink key={i} href={item.href}>{inlines(item.children)}</ExternalLink>;
    }
  });
}

/** A single newline inside a paragraph is a line break (as note authors expect), not a space. */
function withBreaks(text: string, key: number) {
  const parts = text.split('\n');
  if (parts.length === 1) return text;
  return parts.flatMap((p, i) => (i ? [<br key={`${key}-${i}`} />, p] : [p]));
}

/** A link to somewhere outside Gloss: new tab, no opener, no referrer. */
export function ExternalLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
