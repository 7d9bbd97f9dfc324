/** Matching in the background: the content script sends texts, maps the answer back to Ranges. */
import { beforeEach, expect, test } from 'vitest';
import {
  buildMatcher, collectTexts, collectTextsSliced, compileDictionary, findMentions, matcherFromCompiled, matchTexts,
  mentionsFromMatches,
} from '../../../lib/terms';

const entries = [
  { noteId: 'sheinbaum', title: 'Claudia Sheinbaum', aliases: ['Sheinbaum'] },
  { noteId: 'narco', title: 'narco-terrorism', aliases: [] },
];

beforeEach(() => {
  document.body.innerHTML =
    '<article id="a"><h1>Claudia <em>Sheinbaum</em></h1><p>On narco<b>terrorism</b>, Sheinbaum’s answer.</p>' +
    '<script>Sheinbaum</script></article>';
});

test('same mentions as matching in the page, through JSON both ways', async () => {
  const root = document.getElementById('a')!;
  const { texts, segments } = collectTexts([root]);
  const request = JSON.parse(JSON.stringify({ texts })) as { texts: string[] };
  // Background: one matcher per dictionary version.
  const matcher = matcherFromCompiled(compileDictionary(entries));
  const reply = JSON.parse(JSON.stringify({ matches: matchTexts(matcher, request.texts) })) as { matches: unknown };
  const remote = mentionsFromMatches(segments, reply.matches);
  const local = findMentions([root], buildMatcher(entries));
  expect(remote.map((m) => [m.noteId, m.range.toString()])).toEqual(local.map((m) => [m.noteId, m.range.toString()]));
  expect(remote.map((m) => m.range.toString())).toEqual(['Claudia Sheinbaum', 'narcoterrorism', 'Sheinbaum']);

  const sliced = await collectTextsSliced([root], { yield: async () => {} });
  expect(sliced.texts).toEqual(texts);
});

test('malformed requests and answers are ignored, never thrown on', () => {
  const matcher = buildMatcher(entries);
  expect(matchTexts(matcher, 'nope')).toEqual([]);
  expect(matchTexts(matcher, [null, 3, 'Sheinbaum'])).toEqual([[2, 0, 9, 'sheinbaum']]);
  const { segments } = collectTexts([document.getElementById('a')!]);
  const bad = [null, 'x', [0], [99, 0, 3, 'n'], [0, -1, 3, 'n'], [0, 0, 999, 'n'], [0, 5, 2, 'n'], [0, 0, 7, 42]];
  expect(mentionsFromMatches(segments, bad)).toEqual([]);
  expect(mentionsFromMatches(segments, 'x')).toEqual([]);
  expect(mentionsFromMatches(segments, [[0, 0, 7, 'n']]).map((m) => m.range.toString())).toEqual(['Claudia']);
});
