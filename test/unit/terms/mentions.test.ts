import { beforeEach, describe, expect, test } from 'vitest';
import { buildMatcher, countMentions, findMentions, highlightMentions, type DictEntry, type Mention } from '../../../lib/terms';

const DICT: DictEntry[] = [
  { noteId: 'leavitt', title: 'Karoline Leavitt', aliases: ['Leavitt'] },
  { noteId: 'miller', title: 'Stephen Miller', aliases: [] },
  { noteId: 'sheinbaum', title: 'Claudia Sheinbaum', aliases: ['Sheinbaum'] },
  { noteId: 'wh', title: 'White House', aliases: ['Casa Blanca'] },
  { noteId: 'narco', title: 'narco-terrorism', aliases: [] },
  { noteId: 'sinaloa', title: 'Sinaloa Cartel', aliases: ['Cártel de Sinaloa'] },
  { noteId: 'chapitos', title: 'Los Chapitos', aliases: [] },
  { noteId: 'isis', title: 'ISIS', aliases: [] },
  { noteId: 'maduro', title: 'Nicolás Maduro', aliases: [] },
];
const matcher = buildMatcher(DICT);

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

const $ = (sel: string): Element => {
  const el = document.querySelector(sel);
  if (!el) throw new Error(`no ${sel}`);
  return el;
};

/** [range text, noteId] pairs. */
const texts = (ms: Mention[]): [string, string][] => ms.map((m) => [m.range.toString(), m.noteId]);

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findMentions', () => {
  test('a name split across inline elements is one exact Range', () => {
    mount('<p id="p">Claudia <em>Sheinbaum</em> said</p>');
    const [m, ...rest] = findMentions([$('#p')], matcher);
    expect(rest).toHaveLength(0);
    const first = $('#p').firstChild;
    const second = $('em').firstChild;
    expect(m?.noteId).toBe('sheinbaum');
    expect(m?.range.startContainer).toBe(first);
    expect(m?.range.startOffset).toBe(0);
    expect(m?.range.endContainer).toBe(second);
    expect(m?.range.endOffset).toBe(9);
    expect(m?.range.toString()).toBe('Claudia Sheinbaum');
  });

  test('ranges start in the node holding the first character and end in the node holding the last', () => {
    mount('<p id="p">the <b>White House</b>, <a href="#">Sheinbaum</a>’s plan and <i>Leavitt</i></p>');
    const ms = findMentions([$('#p')], matcher);
    expect(texts(ms)).toEqual([
      ['White House', 'wh'],
      ['Sheinbaum', 'sheinbaum'],
      ['Leavitt', 'leavitt'],
    ]);
    expect(ms[0]?.range.startContainer).toBe($('b').firstChild);
    expect(ms[0]?.range.endContainer).toBe($('b').firstChild);
    // The possessive is not highlighted, so the range stays inside the link.
    expect(ms[1]?.range.endContainer).toBe($('a').firstChild);
    expect(ms[1]?.range.endOffset).toBe(9);
    expect(ms[2]?.range.startContainer).toBe($('i').firstChild);
  });

  test('deeply nested inline markup, Spanish text, diacritics and invisible characters', () => {
    mount(
      '<div id="d"><p>El <a href="#"><strong>Cártel</strong> de <span>Sina</span>loa</a> y Nicola\u0301s\u00A0Maduro; ' +
        'narco<wbr>terrorism, Shein\u00ADbaum, Los <em>Chapitos</em>’ jefes</p></div>',
    );
    expect(texts(findMentions([$('#d')], matcher))).toEqual([
      ['Cártel de Sinaloa', 'sinaloa'],
      ['Nicola\u0301s\u00A0Maduro', 'maduro'],
      ['narcoterrorism', 'narco'],
      ['Shein\u00ADbaum', 'sheinbaum'],
      ['Los Chapitos', 'chapitos'],
    ]);
  });

  test('block boundaries separate words', () => {
    mount(
      '<div id="d"><p>Stephen</p><p>Miller</p><div>Stephen<br>Miller</div><div><p>Stephen</p>Miller</div>' +
        '<ul><li>Karoline</li><li>Leavitt</li></ul><table><tr><td>White</td><td>House</td></tr></table>' +
        '<h2>Claudia</h2>Sheinbaum<p>Stephen <span>Miller</span></p></div>',
    );
    expect(texts(findMentions([$('#d')], matcher))).toEqual([
      ['Leavitt', 'leavitt'],
      ['Sheinbaum', 'sheinbaum'],
      ['Stephen Miller', 'miller'],
    ]);
  });

  test('skips scripts, styles, form controls, templates, svg and editable regions', () => {
    mount(
      '<div id="d"><script>var x = "Sheinbaum";</script><style>/* Sheinbaum */</style>' +
        '<textarea>Sheinbaum</textarea><input value="Sheinbaum"><select><option>Sheinbaum</option></select>' +
        '<noscript>Sheinbaum</noscript><template>Sheinbaum</template><svg><text>Sheinbaum</text></svg>' +
        '<div contenteditable="true">Sheinbaum</div><div contenteditable>Sheinbaum</div>' +
        '<p contenteditable="false">Leavitt</p><p id="p">Claudia <script>1</script>Sheinbaum</p></div>',
    );
    const ms = findMentions([$('#d')], matcher);
    expect(ms.map((m) => m.noteId)).toEqual(['leavitt', 'sheinbaum']);
    expect(ms[0]?.range.toString()).toBe('Leavitt');
    // Invisible inline content does not break a name; the range spans it (it is not painted).
    expect(ms[1]?.range.startContainer).toBe($('#p').firstChild);
    expect(ms[1]?.range.startOffset).toBe(0);
    expect(ms[1]?.range.endContainer).toBe($('#p').lastChild);
    expect(ms[1]?.range.endOffset).toBe(9);
  });

  test('roots inside an editable or skipped element are ignored', () => {
    mount('<div contenteditable="true"><p id="p">Sheinbaum</p></div><textarea id="t">Sheinbaum</textarea>');
    expect(findMentions([$('#p'), $('#t')], matcher)).toEqual([]);
  });

  test('nested and repeated roots are read once, in document order', () => {
    mount('<h1 id="h">Sheinbaum y la Casa Blanca</h1><article id="a"><p id="p1">ISIS and Leavitt</p><p id="p2">Leavitt</p></article>');
    const ms = findMentions([$('#p2'), $('#a'), $('#h'), $('#p1'), $('#a')], matcher);
    expect(texts(ms)).toEqual([
      ['Sheinbaum', 'sheinbaum'],
      ['Casa Blanca', 'wh'],
      ['ISIS', 'isis'],
      ['Leavitt', 'leavitt'],
      ['Leavitt', 'leavitt'],
    ]);
  });

  test('maxTextNodes bounds the work', () => {
    mount(`<div id="d">${'<p>Leavitt</p>'.repeat(50)}</div>`);
    expect(findMentions([$('#d')], matcher, { maxTextNodes: 10 })).toHaveLength(10);
    expect(findMentions([$('#d')], matcher)).toHaveLength(50);
    expect(findMentions([$('#d')], matcher, { maxTextNodes: 0 })).toHaveLength(0);
  });

  test('every range reads exactly as the matched original text, and the DOM is untouched', () => {
    const html =
      '<article id="a"><h1>“Karoline <i>Leavitt</i>” y la <b>Casa</b> Blanca</h1><p>ISIS, Isis, <span>narco</span>-<span>terrorism</span> ' +
      '&amp; the <a href="#">Sinaloa</a> <a href="#">Cartel</a>s; Sheinbaum\'s and Nicola\u0301s Maduro.</p></article>';
    mount(html);
    const before = document.body.innerHTML;
    const ms = findMentions([$('#a')], matcher);
    expect(texts(ms)).toEqual([
      ['Karoline Leavitt', 'leavitt'],
      ['Casa Blanca', 'wh'],
      ['ISIS', 'isis'],
      ['narco-terrorism', 'narco'],
      ['Sinaloa Cartels', 'sinaloa'],
      ['Sheinbaum', 'sheinbaum'],
      ['Nicola\u0301s Maduro', 'maduro'],
    ]);
    expect(document.body.innerHTML).toBe(before);
  });

  test('empty inputs', () => {
    mount('<p id="p"></p>');
    expect(findMentions([], matcher)).toEqual([]);
    expect(findMentions([$('#p')], matcher)).toEqual([]);
    expect(findMentions([$('#p')], buildMatcher([]))).toEqual([]);
  });
});

describe('countMentions', () => {
  test('counts per note in order of first mention', () => {
    mount('<p id="p">Leavitt, Sheinbaum, Claudia Sheinbaum, ISIS, Leavitt, Sheinbaum.</p>');
    expect(countMentions(findMentions([$('#p')], matcher))).toEqual([
      { noteId: 'leavitt', count: 2 },
      { noteId: 'sheinbaum', count: 3 },
      { noteId: 'isis', count: 1 },
    ]);
    expect(countMentions([])).toEqual([]);
  });
});

describe('highlightMentions (unit)', () => {
  test('is a no-op without the Custom Highlight API', () => {
    mount('<p id="p">Leavitt</p>');
    const undo = highlightMentions({} as Window, findMentions([$('#p')], matcher));
    expect(undo).not.toThrow();
  });

  test('registers a highlight and undo only removes its own', () => {
    class FakeHighlight extends Set<AbstractRange> {}
    const registry = new Map<string, FakeHighlight>();
    const win = { CSS: { highlights: registry }, Highlight: FakeHighlight } as unknown as Window;
    mount('<p id="p">Leavitt and Sheinbaum</p>');
    const ms = findMentions([$('#p')], matcher);
    const undo = highlightMentions(win, ms);
    expect(registry.get('gloss-term')?.size).toBe(2);
    undo();
    expect(registry.has('gloss-term')).toBe(false);

    const undoOld = highlightMentions(win, ms, 'x');
    highlightMentions(win, ms.slice(1), 'x');
    undoOld(); // stale: a newer highlight owns the name now
    expect(registry.get('x')?.size).toBe(1);
  });
});
