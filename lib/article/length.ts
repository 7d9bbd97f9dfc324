/**
 * The length of an element's text with whitespace collapsed, `collapse(el.textContent).length`,
 * without building that text. Link density and block sizes ask it of nested containers (a
 * candidate, its parent, its grandparent, <body>): reading `textContent` copies the whole subtree's
 * text each time, and on big pages (a list of a thousand books, a page carrying 600 KB of text)
 * those copies were most of the detector's time. Here a container, once measured, is not read
 * again: a larger one around it adds up the measures inside it and reads only the rest (with the
 * native `textContent`; measuring every text node in script was slower on ordinary pages). On the
 * 8 WCXB pages where the detector took longest, its median time fell from 77 to 56 ms.
 *
 * Collapsing maps every maximal run of whitespace to one space and trims the ends, so a piece of
 * text is described by its collapsed, untrimmed length and whether it starts or ends with a space;
 * two pieces joined lose one space where a run ends one and starts the other. The result equals
 * `collapse(el.textContent).length` exactly (a property test checks it on random trees).
 */

/** Text with each whitespace run as one space, not trimmed. */
export interface Piece {
  length: number;
  /** Starts with whitespace. */
  lead: boolean;
  /** Ends with whitespace. */
  trail: boolean;
}

const EMPTY: Piece = { length: 0, lead: false, trail: false };
// Same whitespace as `\s` and String.prototype.trim. Runs of two or more are what shrink: a lone
// whitespace character becomes one space, same length (matching only these keeps V8's work per
// match to the few long gaps, as in collapse()).
const RUNS = /\s{2,}/g;
const WS = /\s/;

function pieceOfText(s: string): Piece {
  if (s.length === 0) return EMPTY;
  let length = s.length;
  RUNS.lastIndex = 0;
  for (let m = RUNS.exec(s); m; m = RUNS.exec(s)) length -= m[0].length - 1;
  return { length, lead: WS.test(s[0] as string), trail: WS.test(s[s.length - 1] as string) };
}

/** `a` followed by `b`. */
function join(a: Piece, b: Piece): Piece {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return { length: a.length + b.length - (a.trail && b.lead ? 1 : 0), lead: a.lead, trail: b.trail };
}

/**
 * Measures kept for one page: containers by piece, and which elements hold a measured container
 * (`around`), so a later, larger container combines the measures inside it and reads natively
 * (`textContent`, fast in the engine) only the parts around them. Links and paragraphs, small
 * and many, are measured alone (`links`, smallLength).
 */
export interface Lengths {
  boxes: Map<Element, Piece>;
  around: Set<Element>;
  links: Map<Element, number>;
}

export function newLengths(): Lengths {
  return { boxes: new Map(), around: new Set(), links: new Map() };
}

/** The collapsed text's piece of `el`, reusing (iteratively: deep DOMs) the containers measured inside it. */
function pieceOf(el: Element, memo: Lengths): Piece {
  const known = memo.boxes.get(el);
  if (known) return known;
  // Elements on the way down to measured containers, in document order; then measured last to
  // first, so each is known before its parent.
  const order: Element[] = [];
  const stack: Element[] = [el];
  for (let cur = stack.pop(); cur; cur = stack.pop()) {
    order.push(cur);
    const kids = cur.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i] as Element;
      if (memo.around.has(kid) && !memo.boxes.has(kid)) stack.push(kid);
    }
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const cur = order[i] as Element;
    let piece = EMPTY;
    if (i > 0 || memo.around.has(cur)) {
      for (let node = cur.firstChild; node; node = node.nextSibling) {
        const type = node.nodeType;
        // Text and CDATA are what textContent joins; comments and processing instructions are not.
        if (type === 3 || type === 4) piece = join(piece, pieceOfText((node as CharacterData).data));
        else if (type === 1) piece = join(piece, memo.boxes.get(node as Element) ?? pieceOfText(node.textContent ?? ''));
      }
    } else {
      piece = pieceOfText(cur.textContent);
    }
    memo.boxes.set(cur, piece);
  }
  // Its ancestors now hold a measured container.
  for (let up = el.parentElement; up && !memo.around.has(up); up = up.parentElement) memo.around.add(up);
  return memo.boxes.get(el) ?? EMPTY;
}

const trimmed = (p: Piece): number => Math.max(0, p.length - (p.lead ? 1 : 0) - (p.trail ? 1 : 0));

/** `collapse(el.textContent).length` of a container, memoised in `memo`. */
export function textLength(el: Element, memo: Lengths): number {
  return trimmed(pieceOf(el, memo));
}

/**
 * `collapse(el.textContent).length` of a link, a paragraph or its wrapper: small elements, many of
 * them, memoised on their own (marking their ancestors would cost more than it saves).
 */
export function smallLength(el: Element, memo: Lengths): number {
  let n = memo.links.get(el);
  if (n === undefined) memo.links.set(el, (n = trimmed(pieceOfText(el.textContent))));
  return n;
}
