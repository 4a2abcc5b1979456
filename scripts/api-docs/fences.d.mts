/** A fenced code block: its language, the words after it, its code, the 0-based line it opens on. */
export interface Fence {
  readonly language: string;
  readonly flags: readonly string[];
  readonly line: number;
  readonly code: string;
}
export declare const typescriptLanguages: ReadonlySet<string>;
export declare function fencesOf(text: string): Fence[];
