/**
 * The compiled dictionary as the background sends it: robust to any input, small enough to
 * send to every page, and loaded by content scripts without a rebuild.
 */
import { describe, expect, test } from 'vitest';
import { compileDictionary, matcherFromCompiled, type DictEntry } from '../../../lib/terms';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 10,000 notes with a title and two aliases each: 30,000 names. */
function bigDictionary(): DictEntry[] {
  const rnd = rng(7);
  const syllables = [...'bcdfghjklmnprstvz'].flatMap((c) => [...'aeiouáé'].flatMap((v) => [c + v, `${c}${v}n`]));
  const word = () => {
    let w = '';
    for (let k = 2 + Math.floor(rnd() * 3); k > 0; k--) w += syllables[Math.floor(rnd() * syllables.length)];
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  return Array.from({ length: 10_000 }, (_, i) => ({
    noteId: crypto.randomUUID?.() ?? `note-${i}`,
    title: `${word()} ${word()}`,
    aliases: [`${word()}-${word()}`, word()],
  }));
}

describe('compileDictionary', () => {
  test('30,000 aliases: compact payload, same matches after JSON', () => {
    const entries = bigDictionary();
    const compiled = compileDictionary(entries);
    const json = JSON.stringify(compiled);
    expect(compiled.stats.notes).toBe(10_000);
    expect(compiled.stats.patterns).toBeGreaterThan(29_000);
    // Budget: about 1.5x the titles/aliases/ids it is made of.
    const raw = JSON.stringify(entries).length;
    expect(json.length).toBeLessThan(2 * raw);
    const sample = entries.slice(0, 200).map((e, i) => (i % 2 ? e.title.toLowerCase() : `${e.aliases[0]}’s`)).join(', and ');
    const fresh = matcherFromCompiled(compiled).match(sample);
    expect(fresh.length).toBe(200);
    expect(matcherFromCompiled(JSON.parse(json)).match(sample)).toEqual(fresh);
  });

  test('an alias another note already has is compiled once; what differs in case rule or separators is kept', () => {
    const compiled = compileDictionary([
      { noteId: 'a', title: 'Sheinbaum', aliases: ['WHO', 'narco-terrorism'] },
      // Duplicates of a's: the same after folding and case, so dropped.
      { noteId: 'b', title: 'SHEINBAUM', aliases: ['sheinbáum', 'WHO', 'narco-terrorism'] },
      // Not duplicates: "who" is case-insensitive, "narcoterrorism" has no separator, "Who" quoted is exact.
      { noteId: 'c', title: 'who', aliases: ['narcoterrorism', '"Who"', '"Who"'] },
    ]);
    expect(compiled.stats.patterns).toBe(6);
    const m = matcherFromCompiled(compiled);
    const found = (text: string) => m.match(text).map((x) => [text.slice(x.start, x.end), x.noteId]);
    expect(found('SHEINBAUM, WHO, who, Who, narco-terrorism, narcoterrorism')).toEqual([
      ['SHEINBAUM', 'a'], ['WHO', 'a'], ['who', 'c'], ['Who', 'c'], ['narco-terrorism', 'a'], ['narcoterrorism', 'a'],
    ]);
  });

  test('never throws on malformed entries', () => {
    const junk = [
      null, 42, 'x', {}, { noteId: 5 }, { noteId: 'a' }, { noteId: 'b', title: null, aliases: 'nope' },
      { noteId: 'c', title: 'Good Title', aliases: [null, 3, ['x'], '', 'ok alias'] },
      { noteId: 'c', title: 'Repeated id', aliases: [] },
    ] as unknown as DictEntry[];
    const m = matcherFromCompiled(compileDictionary(junk));
    expect(m.match('a Good Title and an ok alias; Repeated id').map((x) => x.noteId)).toEqual(['c', 'c', 'c']);
    expect(m.titleOf('c')).toBe('Good Title');
    expect(m.titleOf('zzz')).toBeUndefined();
    expect(() => compileDictionary(undefined as unknown as DictEntry[])).not.toThrow();
  });

  test('a malformed or foreign compiled value matches nothing (never throws)', () => {
    const good = compileDictionary([{ noteId: 'n', title: 'Sheinbaum', aliases: [] }]);
    for (const bad of [null, undefined, 1, 'x', {}, { ...good, format: 99 }, { ...good, widths: null }, { ...good, trie: 5 }, { ...good, noteIds: 'x' }]) {
      expect(matcherFromCompiled(bad).match('Sheinbaum')).toEqual([]);
    }
    // Truncated or corrupted strings: no crash, no hang.
    for (const cut of [1, 5, Math.floor(good.trie.length / 2)]) {
      expect(() => matcherFromCompiled({ ...good, trie: good.trie.slice(0, cut) }).match('Sheinbaum Sheinbaum')).not.toThrow();
    }
    expect(() => matcherFromCompiled({ ...good, patterns: '', extra: '' }).match('Sheinbaum')).not.toThrow();
  });

  test('pathological texts and dictionaries stay fast', () => {
    const entries: DictEntry[] = [
      { noteId: 'a', title: 'aa aa', aliases: Array.from({ length: 40 }, (_, k) => Array(k + 2).fill('aa').join(' ')) },
      { noteId: 'b', title: 'b'.repeat(200), aliases: ['ab ab', 'ba-ba'] },
    ];
    const m = matcherFromCompiled(compileDictionary(entries));
    const texts = [
      'aa '.repeat(30_000),
      'aa' + ' '.repeat(100_000) + 'aa',
      `aa${' '.repeat(5000)}`.repeat(20),
      'b'.repeat(100_000),
      'ab-'.repeat(30_000),
    ];
    // No wall-clock assertion (speed is the benchmark's job): the test's timeout catches a
    // hang, and the answers must still be sane, non-overlapping matches inside each text.
    for (const t of texts) {
      const found = m.match(t);
      let end = 0;
      for (const x of found) {
        expect(x.start).toBeGreaterThanOrEqual(end);
        expect(x.end).toBeLessThanOrEqual(t.length);
        end = x.end;
      }
    }
    expect(m.match('aa '.repeat(100)).length).toBeGreaterThan(0);
  }, 60_000);
});
