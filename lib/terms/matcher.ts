/**
 * One-step matcher for tests and tools: compile and load in the same context. The extension
 * itself compiles in the background (compile.ts) and loads in each page (automaton.ts).
 */
import { matcherFromCompiled, type CompiledMatcher } from './automaton';
import { compileDictionary } from './compile';
import type { DictEntry } from './types';

/** Compiles `entries` and returns their matcher (reusable for any number of texts). */
export function buildMatcher(entries: readonly DictEntry[]): CompiledMatcher {
  return matcherFromCompiled(compileDictionary(entries));
}
