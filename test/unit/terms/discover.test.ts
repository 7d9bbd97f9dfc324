/** "Also mentioned" detector (lib/terms/discover): names, titles, merging, terms, languages. */
import { describe, expect, test } from 'vitest';
import { suggestTerms, type Suggestion } from '../../../lib/terms/discover';

function run(html: string, opts: Parameters<typeof suggestTerms>[1] = {}): Suggestion[] {
  const doc = new DOMParser().parseFromString(`<body><div id="a">${html}</div></body>`, 'text/html');
  return suggestTerms([doc.getElementById('a')!], opts);
}
const labels = (html: string, opts?: Parameters<typeof suggestTerms>[1]) => run(html, opts).map((s) => s.label);

describe('names', () => {
  test('a surname after the full name, possessives and accents merge into one suggestion', () => {
    const [s] = run(`<p>Mexican President Claudia Sheinbaum spoke on Monday in the capital.</p>
      <p>Asked about the plan, Sheinbaum’s answer was short. Later, aides to Sheinbaum said more.</p>`);
    expect(s).toMatchObject({ label: 'Claudia Sheinbaum', aliases: ['Sheinbaum'], count: 3, kind: 'person' });
    expect(s!.sentence).toBe('Mexican President Claudia Sheinbaum spoke on Monday in the capital.');
  });

  test('particles stay inside a name; titles and roles stay out', () => {
    const got = labels(`<p>The union’s negotiator, Niek van der Linden, met Secretary of State Marco Rubio and press secretary Karoline Leavitt in a long session.</p>`);
    expect(got).toEqual(expect.arrayContaining(['Niek van der Linden', 'Marco Rubio', 'Karoline Leavitt']));
    expect(got.join('|')).not.toMatch(/Secretary|State|Press/);
  });

  test('sentence-opening common words, months and days are not names', () => {
    const got = labels(`<p>Hardly a week passes without news from Ottawa. On Thursday the talks resumed. In January they had stalled, and in March the minister left Ottawa.</p>`);
    expect(got).toEqual(['Ottawa']);
  });

  test('acronyms, institutions with "of" and "and", and Title Case headings', () => {
    const got = labels(`<h2>Senators Grill The Agency Over The Storm Response</h2>
      <p>The head of the Federal Emergency Management Agency testified before the Senate Homeland Security and Governmental Affairs Committee about FEMA and the Gulf of Mexico.</p>`);
    expect(got).toEqual(expect.arrayContaining(['Federal Emergency Management Agency', 'Senate Homeland Security and Governmental Affairs Committee', 'Gulf of Mexico']));
    expect(got).not.toContain('FEMA'); // merged into its expansion
    expect(got.join('|')).not.toMatch(/Grill|Storm/);
  });

  test('exclude drops names that already have notes, by folded label or alias', () => {
    const html = `<p>Stephen Miller spoke. Later Miller added more, and José Luis Martínez-Almeida replied.</p>`;
    expect(labels(html, { exclude: (k) => k === 'miller' })).toEqual(['José Luis Martínez-Almeida']);
    expect(labels(html, { exclude: (k) => k === 'jose luis martinez-almeida' })).toEqual(['Stephen Miller']);
  });
});

describe('terms', () => {
  test('quoted and italic coinages, and the unmarked members of their family', () => {
    const got = run(`<p>Officials described a campaign against “<em>narco-terrorism</em>” and sank several “narco-boats,” calling it “help.”</p>
      <p>He spoke of narco-terrorist groups and a hard-line approach to the <i>huachicol</i> trade.</p>`);
    const byLabel = new Map(got.map((s) => [s.label, s]));
    expect(byLabel.get('narco-terrorism')).toMatchObject({ kind: 'term', count: 2, aliases: ['narco-terrorist'] });
    expect([...byLabel.keys()]).toEqual(expect.arrayContaining(['narco-boats', 'huachicol']));
    expect([...byLabel.keys()]).not.toContain('help');
    expect([...byLabel.keys()]).not.toContain('hard-line');
  });
});

describe('Spanish', () => {
  test('lower-case titles, double surnames, capitalised "Mayo" as a nickname, lower-case months', () => {
    const got = run(`<p>La presidenta Claudia Sheinbaum habló el lunes 3 de marzo con el gobernador Rubén Rocha Moya sobre la guerra entre Los Chapitos y los leales a Ismael Zambada, conocido como El Mayo.</p>
      <p>Según la Fiscalía General del Estado de Sinaloa, Rocha Moya pidió más agentes de la Guardia Nacional.</p>`, { lang: 'es' });
    const names = got.map((s) => s.label);
    expect(names).toEqual(expect.arrayContaining(['Claudia Sheinbaum', 'Rubén Rocha Moya', 'Los Chapitos', 'Ismael Zambada', 'El Mayo', 'Fiscalía General del Estado de Sinaloa', 'Guardia Nacional']));
    expect(got.find((s) => s.label === 'Rubén Rocha Moya')).toMatchObject({ count: 2, aliases: ['Rocha Moya'] });
    expect(names.join('|')).not.toMatch(/marzo|La presidenta/i);
  });
});

describe('reading', () => {
  test('skips scripts, form fields, navigation and editable regions; caps the list', () => {
    const got = labels(`<nav><a href="/">Home</a> <a href="/w">World News Today</a></nav>
      <script>var Foo = "Bar Baz";</script><textarea>Quentin Blake wrote this.</textarea>
      <div contenteditable="true">Ursula Franklin typed here, again and again.</div>
      <p>Alice Munro met Bob Dylan and Carl Sagan and Dana Scully and Ed Harris and Fay Wray in Paris.</p>`, { max: 3 });
    expect(got).toHaveLength(3);
    expect(got.join('|')).not.toMatch(/Quentin|Ursula|Foo|World/);
  });
});

describe('reading a very long article', () => {
  test('never reads past MAX_CHARS, even inside one long text node', async () => {
    const { readText, MAX_CHARS } = await import('../../../lib/terms/discover/read');
    const div = document.createElement('div');
    for (let i = 0; i < 40; i++) {
      const p = document.createElement('p');
      p.textContent = 'Karoline Leavitt said the talks continue. '.repeat(200);
      div.append(p);
    }
    const big = document.createElement('p');
    big.textContent = 'x'.repeat(2 * MAX_CHARS);
    div.append(big);
    expect(readText([div]).text.length).toBeLessThanOrEqual(MAX_CHARS);
  });

  test('read in slices, the text is the same, with pauses between slices, and an abort stops it', async () => {
    const { readText, readTextSliced } = await import('../../../lib/terms/discover/read');
    const div = document.createElement('div');
    div.innerHTML = Array.from({ length: 500 }, (_, i) => `<p>Update ${i}: <em>Karoline Leavitt</em> met <a href="#">Marco Rubio</a>.<br>Later, more.</p>`).join('');
    let clock = 0;
    let pauses = 0;
    // Each look at the clock costs 1 ms: the reader must pause every sliceMs.
    const sliced = await readTextSliced([div], { sliceMs: 4, now: () => clock++, pause: async () => void pauses++ });
    expect(sliced).toEqual(readText([div]));
    expect(pauses).toBeGreaterThan(10);

    const stop = new AbortController();
    const aborted = readTextSliced([div], { sliceMs: 4, now: () => clock++, signal: stop.signal, pause: async () => stop.abort() });
    await expect(aborted).rejects.toThrow();
  });
});
