// Declarations for discovery-score.mjs (written by hand, mirrors its JSDoc), so TypeScript tests
// can import it: the project's tsconfig has no `allowJs`.
export type Labels = { lang?: string; want: string[][]; ok?: string[][] };
export type Labelled = { label: string };
export type PageScore = {
  name: string; suggestions: number; correct: number; want: number; found: number;
  precision: number; recall: number; wrong: string[]; missed: string[]; duplicates: string[];
};
export type Summary = { precision: number; recall: number; pages: PageScore[] };
export function foldLabel(s: string): string;
export function scorePage(name: string, suggestions: readonly Labelled[], labels: Labels): PageScore;
export function summarise(pages: PageScore[]): Summary;
