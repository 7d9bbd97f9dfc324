// @ts-check
/**
 * The benchmark's dictionary: 10,000 notes with a title and two aliases each (30,000 names), a
 * mix of real names harvested from the corpus pages themselves (so pages do contain mentions)
 * and synthetic ones (so the dictionary is as big and as varied as a heavy reader's: accents,
 * hyphens, acronyms, multi-word names). Deterministic for a given corpus and seed.
 */

/**
 * Deterministic pseudo-random numbers in [0, 1) (mulberry32).
 * @param {number} seed
 * @returns {() => number}
 */
export function rng(seed) {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENTITIES = /** @type {Record<string, string>} */ ({ amp: '&', nbsp: ' ', quot: '"', apos: "'", lt: '<', gt: '>' });

/**
 * The visible-ish text of an HTML document, cheaply (no DOM): scripts, styles and tags removed,
 * common entities decoded.
 * @param {string} html
 * @returns {string}
 */
export function roughText(html) {
  return html
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ');
}

// Two to four capitalised words ("Claudia Sheinbaum", "Cártel de Sinaloa", "New York Times").
const MULTI = /(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}\p{M}'’]+(?:[ -](?:(?:de|del|la|las|los|van|von|da|di|du|of|the|y|e) )?\p{Lu}[\p{Ll}\p{M}'’]+){1,3}(?![\p{L}\p{N}])/gu;
// One capitalised word after a lower-case word (a name, not a sentence start).
const SINGLE = /(?<=\p{Ll}[,;]? )\p{Lu}\p{Ll}{4,}(?![\p{L}\p{N}])/gu;

/**
 * Names found in the pages, most widespread first (number of pages they appear in).
 * @param {Iterable<string>} texts  one text per page
 * @returns {string[]}
 */
export function harvestNames(texts) {
  /** @type {Map<string, number>} */
  const pages = new Map();
  for (const text of texts) {
    const seen = new Set();
    for (const re of [MULTI, SINGLE]) {
      for (const m of text.matchAll(re)) {
        const name = m[0].replace(/['’]s$/u, '');
        if (name.length > 60 || seen.has(name)) continue;
        seen.add(name);
        pages.set(name, (pages.get(name) ?? 0) + 1);
      }
    }
  }
  return [...pages].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'ch', 'tr', 'st', 'qu', 'gr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'á', 'é', 'í', 'ó', 'ü', 'ñ', 'ia', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'm', 'nd', 'rt'];

/**
 * A synthetic name: accents, hyphens, particles, acronyms, apostrophes, in realistic proportions.
 * @param {() => number} rnd
 * @returns {string}
 */
function syntheticName(rnd) {
  const pick = (/** @type {string[]} */ a) => a[Math.floor(rnd() * a.length)] ?? '';
  const word = () => {
    let w = '';
    for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) w += pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const r = rnd();
  if (r < 0.05) {
    let acronym = '';
    for (let k = 2 + Math.floor(rnd() * 4); k > 0; k--) acronym += String.fromCharCode(65 + Math.floor(rnd() * 26));
    return acronym;
  }
  if (r < 0.25) return word();
  if (r < 0.35) return `${word()}-${word()}`;
  if (r < 0.45) return `${word()} ${pick(['de', 'del', 'van', 'of the', 'y'])} ${word()}`;
  if (r < 0.5) return `${word().toLowerCase()}-${word().toLowerCase()}`;
  if (r < 0.55) return `${word()} O’${word()}`;
  return rnd() < 0.7 ? `${word()} ${word()}` : `${word()} ${word()} ${word()}`;
}

/**
 * @typedef {object} BenchDictionary
 * @property {{ noteId: string, title: string, aliases: string[] }[]} entries
 * @property {string[]} names  every title and alias (for the RegExp baselines)
 * @property {number} real  how many names came from the pages
 */

/**
 * `notes` notes of `1 + aliasesPerNote` names each: up to `realShare` of them harvested from the
 * pages (most widespread first), the rest synthetic; shuffled so real and synthetic names mix
 * within notes. Note ids look like the extension's (UUIDs), so the payload size is realistic.
 * @param {string[]} harvested
 * @param {{ notes?: number, aliasesPerNote?: number, realShare?: number, seed?: number }} [options]
 * @returns {BenchDictionary}
 */
export function makeDictionary(harvested, { notes = 10_000, aliasesPerNote = 2, realShare = 0.4, seed = 42 } = {}) {
  const rnd = rng(seed);
  const total = notes * (1 + aliasesPerNote);
  const seen = new Set();
  /** @type {string[]} */
  const names = [];
  for (const name of harvested) {
    if (names.length >= Math.floor(total * realShare)) break;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  const real = names.length;
  while (names.length < total) {
    const name = syntheticName(rnd);
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [names[i], names[j]] = [/** @type {string} */ (names[j]), /** @type {string} */ (names[i])];
  }
  const hex = (/** @type {number} */ n) => Array.from({ length: n }, () => Math.floor(rnd() * 16).toString(16)).join('');
  const entries = Array.from({ length: notes }, (_, i) => {
    const own = names.slice(i * (1 + aliasesPerNote), (i + 1) * (1 + aliasesPerNote));
    return { noteId: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`, title: own[0] ?? '', aliases: own.slice(1) };
  });
  return { entries, names, real };
}
