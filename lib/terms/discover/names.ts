/**
 * Capitalised names in one block: runs of capitalised words, joined by particles ("López de la
 * Cruz", "Gulf of Mexico"), cut at titles ("President | Claudia Sheinbaum") and calendar words,
 * with sentence-opening function words dropped ("The | White House").
 */
import { CALENDAR, CALENDAR_EN, CONNECTORS, GIVEN_NAMES, JOINERS, NOT_NAMES, ORG_HEADS, PLACE_HEADS, ROMAN, STOPWORDS, TITLES, TITLE_MODIFIERS } from './lexicon';
import type { Token } from './tokens';

export interface NameMention {
  tokens: Token[];
  /** Begins at a sentence opening, where a capital proves nothing. */
  initial: boolean;
  /** A title stood just before it ("President Sheinbaum"): a person. */
  titled: boolean;
}

export interface NameContext {
  /** 'en', 'es'... (primary subtag, lower case) or ''. */
  lang: string;
  /** Folded words seen in lower case somewhere in the article: common words, not names. */
  lowerWords: ReadonlySet<string>;
}

const capital = (t: Token) => t.shape === 'cap' || t.shape === 'upper';
const linking = (t: Token) => t.shape === 'lower' && (CONNECTORS.has(t.key) || JOINERS.has(t.key));
const head = (t: Token) => ORG_HEADS.has(t.key) || PLACE_HEADS.has(t.key);

/** Runs of capitalised tokens, particles allowed between them (at most two in a row). */
function runs(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!capital(tokens[i]!)) { i++; continue; }
    const run = [tokens[i]!];
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.joined && !run[run.length - 1]!.possessive && !tokens[j]!.initial) {
      if (capital(tokens[j]!)) { run.push(tokens[j]!); j++; continue; }
      let k = j;
      while (k < tokens.length && k - j < 2 && tokens[k]!.joined && linking(tokens[k]!)) k++;
      if (k === j || k >= tokens.length || !tokens[k]!.joined || !capital(tokens[k]!) || tokens[k]!.initial) break;
      run.push(...tokens.slice(j, k + 1));
      j = k + 1;
    }
    out.push(run);
    i = j;
  }
  return out;
}

/**
 * Undoes joins that made two names one: "and" outside an institution's name ("Mexico and
 * Colombia"), "for" after no institution word, "of" after a person ("Alicia Montoya of New Mexico").
 */
function splitJoins(run: Token[]): Token[][] {
  const out: Token[][] = [];
  if (!run.length) return out;
  let from = 0;
  const lastIsOrg = ORG_HEADS.has(run[run.length - 1]!.key);
  for (let i = 1; i < run.length; i++) {
    const t = run[i]!;
    if (t.shape !== 'lower') continue;
    const before = run.slice(from, i).filter((w) => w.shape !== 'lower');
    const institution = before.some(head);
    const cut =
      (JOINERS.has(t.key) && (t.key === 'for' || t.key === 'para' ? !institution : !lastIsOrg)) ||
      (t.key === 'of' && before.length >= 2 && !institution && !TITLES.has(run[i - 1]!.key));
    if (cut) {
      out.push(run.slice(from, i));
      from = i + 1;
    }
  }
  out.push(run.slice(from));
  return out.filter((r) => r.length);
}

function isCalendar(t: Token, ctx: NameContext): boolean {
  // Spanish writes months and days in lower case: capitalised mid-sentence, "Mayo" is a name.
  return ctx.lang === 'en' || ctx.lang === '' ? CALENDAR_EN.has(t.key) || (t.initial && CALENDAR.has(t.key)) : t.initial && CALENDAR.has(t.key);
}

/** Where a run breaks: titles (with their modifiers) and calendar words. */
function isBreak(run: readonly Token[], i: number, ctx: NameContext): 'title' | 'break' | null {
  const t = run[i]!;
  // "Alto Comisionado de...", "Fiscalía General del Estado": inside an institution's name, not a title.
  const inside = i > 0 && !TITLES.has(run[i - 1]!.key) && !TITLE_MODIFIERS.has(run[i - 1]!.key) && CONNECTORS.has(run[i + 1]?.key ?? '');
  if (TITLES.has(t.key) && !inside) return 'title';
  if (TITLE_MODIFIERS.has(t.key)) {
    let k = i + 1;
    while (k < run.length && TITLE_MODIFIERS.has(run[k]!.key)) k++;
    if (k < run.length && TITLES.has(run[k]!.key)) return 'title';
  }
  return isCalendar(t, ctx) ? 'break' : null;
}

/**
 * "Secretary of State Marco Rubio": the office after a title's "of" is part of the title, up to
 * the first given name (or one word when none is known). Returns the index of its last word.
 */
function officeEnd(run: readonly Token[], of: number): number {
  let k = of + 1;
  while (k < run.length && !GIVEN_NAMES.has(run[k]!.key)) k++;
  if (k < run.length) return k - 1;
  return of < 0 ? run.length - 1 : Math.min(of + 1, run.length - 1);
}

/** Drops connectors and (at a sentence opening) function words and common words from the front. */
function trimPiece(piece: Token[], ctx: NameContext): Token[] {
  let s = 0;
  let e = piece.length;
  while (s < e) {
    const t = piece[s]!;
    const common = t.initial && (STOPWORDS.has(t.key) || (t.shape === 'cap' && ctx.lowerWords.has(t.key)));
    // "Gobierno de México", "Government of Mexico": the generic word goes, the name stays.
    const generic = NOT_NAMES.has(t.key) && s + 1 < e && CONNECTORS.has(piece[s + 1]!.key);
    if (common || generic || linking(t)) s++;
    else break;
  }
  while (e > s && piece[e - 1]!.shape === 'lower') e--;
  return piece.slice(s, e);
}

/** Names in one block's tokens. */
export function findNames(tokens: readonly Token[], ctx: NameContext): NameMention[] {
  const out: NameMention[] = [];
  for (const whole of runs(tokens)) {
    const at = tokens.indexOf(whole[0]!);
    const before = tokens[at - 1];
    // "el secretario de Seguridad y Protección Ciudadana, Omar García Harfuch": the office is the title's.
    const office = before && CONNECTORS.has(before.key) && TITLES.has(tokens[at - 2]?.key ?? '') && whole[0]!.joined && before.joined && !whole.some(head);
    for (const run of splitJoins(office ? whole.slice(officeEnd(whole, -1) + 1) : whole)) findInRun(run, tokens, ctx, out);
  }
  return out;
}

function findInRun(run: Token[], tokens: readonly Token[], ctx: NameContext, out: NameMention[]): void {
  {
    let piece: Token[] = [];
    // A lower-case title just before: "la presidenta Claudia Sheinbaum", "press secretary Karoline Leavitt".
    const before = tokens[tokens.indexOf(run[0]!) - 1];
    let titled = !!before && run[0]!.joined && TITLES.has(before.key);
    const flush = () => {
      const kept = trimPiece(piece, ctx);
      if (kept.length && acceptable(kept)) out.push({ tokens: kept, initial: kept[0]!.initial, titled: titled && kept[0] === piece[0] });
      piece = [];
    };
    for (let i = 0; i < run.length; i++) {
      const kind = isBreak(run, i, ctx);
      if (kind) {
        flush();
        titled = kind === 'title';
        if (kind === 'title' && run[i + 1]?.key === 'of') i = officeEnd(run, i + 1);
      } else {
        if (!piece.length && i > 0 && !isBreak(run, i - 1, ctx)) titled = false;
        piece.push(run[i]!);
      }
    }
    flush();
  }
}

/** Not a name: a lone letter or numeral, a demonym, a shouted run of capitals. */
function acceptable(tokens: readonly Token[]): boolean {
  if (tokens.filter(capital).length > 6) return false;
  if (tokens.length >= 3 && tokens.every((t) => t.shape === 'upper')) return false;
  if (tokens.every((t) => STOPWORDS.has(t.key) && t.initial)) return false;
  if (tokens.length === 1) {
    const t = tokens[0]!;
    if (t.text.replace(/\P{L}/gu, '').length < 2 || notName(t.key) || (t.shape === 'upper' && ROMAN.test(t.text))) return false;
  }
  return true;
}

/** Demonyms and other capitalised non-names, plural too ("Europeans"). */
export const notName = (key: string): boolean =>
  NOT_NAMES.has(key) || (key.endsWith('s') && NOT_NAMES.has(key.slice(0, -1))) || CONTRACTION.test(key);

/** "We’re", "They’ll", "Don’t": contractions, never names. */
const CONTRACTION = /'(?:re|ll|ve|d|m|t)$|n't$/u;
