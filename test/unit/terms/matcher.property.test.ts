/**
 * Property-based tests: the indexed matcher must agree exactly with a slow,
 * obviously-correct reference that folds text code point by code point, then
 * tries every start position, every alias and every spelling variant of it,
 * every ending, and picks the winners one at a time.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildMatcher, compileDictionary, foldText, matcherFromCompiled, type DictEntry, type TextMatch } from '../../../lib/terms';
import { createFoldBuffers, foldFully, foldInto } from '../../../lib/terms/fold-buffer';

// ---------- Reference folding ----------

const QUOTE1 = new Set(['\u2018', '\u2019', '\u201A', '\u201B', '\u02BC', '\u2032']);
const QUOTE2 = new Set(['\u201C', '\u201D', '\u201E', '\u201F', '\u2033']);
const DASH = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);
const GONE = new Set(['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);

function refFoldChar(c: string): string {
  if (/\p{M}/u.test(c) || GONE.has(c)) return '';
  if (QUOTE1.has(c)) return "'";
  if (QUOTE2.has(c)) return '"';
  if (DASH.has(c)) return '-';
  if (/\s/u.test(c)) return ' ';
  return c;
}

interface RefFolded { lower: string; cased: string; from: number[]; to: number[] }

function refFold(text: string): RefFolded {
  const out: RefFolded = { lower: '', cased: '', from: [], to: [] };
  const cps = Array.from(text);
  let at = 0;
  let owner: number[] = []; // folded units of the last visible code point, while marks may still attach
  for (const cp of cps) {
    const folded = Array.from(cp.normalize('NFKD')).map(refFoldChar).join('');
    if (folded === '') {
      if (/^\p{M}$/u.test(cp)) for (const k of owner) out.to[k] = at + cp.length;
      else owner = [];
    } else {
      owner = [];
      for (const c of Array.from(folded)) {
        const l = c.toLowerCase().length === c.length ? c.toLowerCase() : c;
        for (let u = 0; u < c.length; u++) {
          owner.push(out.lower.length);
          out.lower += l.charAt(u);
          out.cased += c.charAt(u);
          out.from.push(at);
          out.to.push(at + cp.length);
        }
      }
    }
    at += cp.length;
  }
  return out;
}

// ---------- Reference matcher ----------

interface RefPattern { noteId: string; lower: string[]; cased: string[]; cs: boolean }

function refPatterns(entries: readonly DictEntry[]): RefPattern[] {
  const out: RefPattern[] = [];
  const keys = new Set<string>();
  for (const e of entries) {
    for (const name of [e.title, ...e.aliases]) {
      if (name.trim() === '' || name.length > 200) continue;
      // A name in double quotes is case-sensitive as written.
      const quoted = /^\s*["“”„](.*)["“”„]\s*$/su.exec(name);
      const alias = quoted ? (quoted[1] ?? '') : name;
      const f = refFold(alias);
      if ((f.lower.match(/[\p{L}\p{N}]/gu) ?? []).length < 2) continue;
      const letters = f.cased.match(/\p{L}/gu) ?? [];
      const cs = quoted !== null ||
        (letters.length <= 6 && letters.some((c) => c !== c.toLowerCase()) && letters.every((c) => c === c.toUpperCase()));
      const lower = f.lower.split(/[ -]+/).filter(Boolean);
      const cased = f.cased.split(/[ -]+/).filter(Boolean);
      const key = JSON.stringify(cs ? ['C', cased] : ['I', lower]);
      if (keys.has(key)) continue;
      keys.add(key);
      out.push({ noteId: e.noteId, lower, cased, cs });
    }
  }
  return out;
}

/** Every spelling of the tokens: each gap is nothing, a hyphen, or 1..maxRun spaces. */
function variants(tokens: string[], maxRun: number): string[] {
  const seps = ['', '-', ...Array.from({ length: maxRun }, (_, i) => ' '.repeat(i + 1))];
  let acc = [tokens[0] ?? ''];
  for (const t of tokens.slice(1)) acc = acc.flatMap((a) => seps.map((s) => a + s + t));
  return acc;
}

const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

function refMatch(entries: readonly DictEntry[], text: string): TextMatch[] {
  const f = refFold(text);
  const patterns = refPatterns(entries);
  const maxRun = Math.max(0, ...(f.lower.match(/ +/g) ?? []).map((r) => r.length));
  const cands: { start: number; end: number; full: number; prio: number; noteId: string }[] = [];
  for (let start = 0; start < f.lower.length; start++) {
    if (isWord(Array.from(f.lower.slice(0, start)).pop())) continue;
    patterns.forEach((p, prio) => {
      for (const v of variants(p.cs ? p.cased : p.lower, maxRun)) {
        if (!(p.cs ? f.cased : f.lower).startsWith(v, start)) continue;
        for (const plural of ['', 's', 'es']) {
          for (const poss of ['', "'s", "'"]) {
            if (!f.lower.startsWith(plural + poss, start + v.length)) continue;
            const full = start + v.length + plural.length + poss.length;
            if (isWord(Array.from(f.lower.slice(full))[0])) continue;
            cands.push({ start, end: start + v.length + plural.length, full, prio, noteId: p.noteId });
          }
        }
      }
    });
  }
  const chosen: typeof cands = [];
  for (;;) {
    const free = cands.filter((c) => chosen.every((o) => c.full <= o.start || o.full <= c.start));
    if (free.length === 0) break;
    const best = free.sort((a, b) => b.full - b.start - (a.full - a.start) || a.start - b.start || a.prio - b.prio)[0];
    if (best) chosen.push(best);
  }
  return chosen
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ start: f.from[c.start] ?? NaN, end: f.to[c.end - 1] ?? NaN, noteId: c.noteId }));
}

// ---------- Generators ----------

const WORDS = [
  'Miller', 'Millerton', 'Stephen', 'Sheinbaum', 'SHEINBAUM', 'Claudia', 'Nicolás', 'Nicola\u0301s', 'Nicolas',
  'Maduro', 'narco', 'terrorism', 'narcoterrorism', 'ISIS', 'Isis', 'isis', 'WHO', 'who', 'Al', 'Qaeda', 'cartel',
  'cartels', 'Cártel', 'carteles', 'Sinaloa', 'Los', 'Chapitos', 'White', 'House', 'Leavitt', 'ﬁ', 'e', 's', 'es',
  '2', 'Straße', '😀', '𐐨',
];
const SEPS = [
  ' ', ' ', '  ', '-', '–', '\u2011', '\u00A0', '', '\u00AD', '\u200B', "'", '’', "'s", '’s', ',', '.', '"', '“',
  '\n', '(', '\u0301', '-', '--',
];

const word = fc.constantFrom(...WORDS);
const sep = fc.constantFrom(...SEPS);
/** Texts from the vocabulary plus optional extra pieces (the dictionary's aliases, respelled). */
const textWith = (extra: readonly string[]) =>
  fc
    .array(fc.tuple(extra.length > 0 ? fc.oneof(word, fc.constantFrom(...extra)) : word, sep), { maxLength: 12 })
    .map((parts) => parts.map(([w, s]) => w + s).join(''));
const text = textWith([]);
const respell = (name: string) => {
  const alias = name.replace(/^["“”]|["“”]$/gu, '');
  return fc
    .tuple(fc.constantFrom(' ', '-', '', '  ', '\u00A0', '\u2011'), fc.constantFrom('same', 'upper', 'lower'))
    .map(([gap, c]) => {
      const s = alias.replace(/[ -]/g, gap);
      return c === 'upper' ? s.toUpperCase() : c === 'lower' ? s.toLowerCase() : s;
    });
};
const phrase = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.tuple(word, fc.constantFrom(' ', '-', '', '–', '  ')), { minLength: 1, maxLength: 3 })
    .map((parts) => parts.map(([w, s], i) => (i === parts.length - 1 ? w : w + s)).join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.tuple(word, fc.constantFrom('"', '“')).map(([w, q]) => `${q}${w}${q === '“' ? '”' : q}`) },
);
const dict = fc.array(
  fc.record({ noteId: fc.constantFrom('n0', 'n1', 'n2', 'n3'), title: phrase, aliases: fc.array(phrase, { maxLength: 3 }) }),
  { maxLength: 5 },
);

/** A dictionary and a text that often (not always) contains its aliases, respelled. */
const dictAndText = dict.chain((entries) => {
  const aliases = entries.flatMap((e) => [e.title, ...e.aliases]).filter((a) => a !== '');
  const pieces = aliases.length > 0 ? fc.array(fc.constantFrom(...aliases).chain(respell), { maxLength: 4 }) : fc.constant([]);
  return fc.tuple(fc.constant(entries), pieces.chain(textWith));
});

/**
 * A dense world: a few syllables that aliases and text are both made of, so aliases share
 * prefixes, overlap, differ only by where their gaps are, and nest inside each other. This is
 * where the trie's gap flags, terminal lists and longest-first selection are exercised hardest.
 */
const SYLLABLES = ['ab', 'ba', 'al', 'e', 's', 'es', 'AB', 'Al'];
const syllable = fc.constantFrom(...SYLLABLES);
const denseToken = fc.oneof({ weight: 3, arbitrary: syllable }, { weight: 1, arbitrary: fc.tuple(syllable, syllable).map((p) => p.join('')) });
const denseAlias = fc
  .array(fc.tuple(denseToken, fc.constantFrom(' ', '-', '')), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([t, sep], i) => (i === parts.length - 1 ? t : t + sep)).join(''));
const denseDict = fc.array(
  fc.record({ noteId: fc.constantFrom('n0', 'n1', 'n2', 'n3'), title: denseAlias, aliases: fc.array(denseAlias, { maxLength: 3 }) }),
  { minLength: 1, maxLength: 6 },
);
const denseSep = fc.constantFrom('', '', ' ', '-', '  ', "'", '’s', ',', ' - ');
/** Syllables and whole aliases of the dictionary, so aliases abut and overlap in the text. */
const denseText = (entries: readonly DictEntry[]) => {
  const names = entries.flatMap((e) => [e.title, ...e.aliases]);
  const piece = names.length > 0 ? fc.oneof(syllable, fc.constantFrom(...names)) : syllable;
  return fc.array(fc.tuple(piece, denseSep), { maxLength: 10 }).map((parts) => parts.map(([w, sep]) => w + sep).join(''));
};
const denseCase = denseDict.chain((entries) => fc.tuple(fc.constant(entries), denseText(entries)));

// ---------- Properties ----------

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  text,
);

describe('matcher properties', () => {
  test('reference folding agrees with foldText on arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const ref = refFold(s);
        const f = foldText(s);
        expect({ lower: f.lower, cased: f.cased, start: f.start, end: f.end }).toEqual({
          lower: ref.lower, cased: ref.cased, start: ref.from, end: ref.to,
        });
      }),
      { numRuns: 500 },
    );
  });

  test('buildMatcher().match equals the brute-force reference', () => {
    const numRuns = 1000;
    let withMatches = 0;
    let withSeveral = 0;
    fc.assert(
      fc.property(dictAndText, ([entries, t]) => {
        const expected = refMatch(entries, t);
        expect(buildMatcher(entries).match(t)).toEqual(expected);
        if (expected.length > 0) withMatches++;
        if (expected.length > 1) withSeveral++;
      }),
      { numRuns },
    );
    // Guard against a vacuous property: the generators must actually produce matches.
    expect(withMatches).toBeGreaterThan(numRuns / 4);
    expect(withSeveral).toBeGreaterThan(numRuns / 10);
  });

  test('dense dictionaries (shared prefixes, gaps in different places, nesting) equal the reference', () => {
    const numRuns = 3000;
    let withMatches = 0;
    let withSeveral = 0;
    fc.assert(
      fc.property(denseCase, ([entries, t]) => {
        const expected = refMatch(entries, t);
        expect(buildMatcher(entries).match(t)).toEqual(expected);
        if (expected.length > 0) withMatches++;
        if (expected.length > 1) withSeveral++;
      }),
      { numRuns },
    );
    expect(withMatches).toBeGreaterThan(numRuns / 4);
    expect(withSeveral).toBeGreaterThan(numRuns / 20);
  });

  test('fast folding (typed arrays) agrees with foldText', () => {
    const b = createFoldBuffers(4);
    fc.assert(
      fc.property(anyText, (s) => {
        const f = foldText(s);
        foldInto(s, b);
        // The fast path (unit for unit) and the full maps agree.
        const lowerFast = String.fromCharCode(...b.lower.subarray(0, b.n));
        if (b.identity) expect(lowerFast).toBe(f.lower);
        foldFully(s, b);
        const units = (a: Uint16Array) => String.fromCharCode(...a.subarray(0, b.n));
        expect([units(b.lower), units(b.cased), [...b.start.subarray(0, b.n)], [...b.end.subarray(0, b.n)]]).toEqual([
          f.lower, f.cased, f.start, f.end,
        ]);
        const words = [...b.word.subarray(0, b.n)];
        words.forEach((w, i) => {
          const cp = f.lower.codePointAt(i) ?? 0;
          const low = i > 0 && /[\uDC00-\uDFFF]/u.test(f.lower[i] ?? '') && /[\uD800-\uDBFF]/u.test(f.lower[i - 1] ?? '');
          if (!low) expect(w).toBe(/[\p{L}\p{N}]/u.test(String.fromCodePoint(cp)) ? 1 : 0);
        });
      }),
      { numRuns: 500 },
    );
  });

  test('the compiled dictionary survives JSON (Chrome messaging) and structured clone (Firefox)', () => {
    fc.assert(
      fc.property(dictAndText, ([entries, t]) => {
        const compiled = compileDictionary(entries);
        const expected = matcherFromCompiled(compiled).match(t);
        expect(matcherFromCompiled(JSON.parse(JSON.stringify(compiled))).match(t)).toEqual(expected);
        expect(matcherFromCompiled(structuredClone(compiled)).match(t)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test('matches are sorted, disjoint and inside the text; never throws on junk', () => {
    const junkDict = fc.array(
      fc.record({ noteId: fc.string({ maxLength: 3 }), title: fc.string({ unit: 'binary', maxLength: 8 }),
        aliases: fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { maxLength: 3 }) }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(fc.oneof(dict, junkDict), anyText, (entries, t) => {
        const ms = buildMatcher(entries).match(t);
        let last = 0;
        for (const m of ms) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(t.length);
          last = m.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});
