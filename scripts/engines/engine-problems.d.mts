/** What engineProblems reads: the README's text, the root package.json and the lockfile. */
export interface EngineInput {
  readonly readme: string;
  readonly rootPackage: { readonly name?: string };
  readonly lockfile: {
    readonly packages?: Readonly<
      Record<
        string,
        {
          readonly name?: string;
          readonly version?: string;
          readonly engines?: { readonly node?: string };
        }
      >
    >;
  };
  readonly satisfies: (version: string, range: string) => boolean;
  readonly minVersion: (range: string) => string | undefined;
}
export function readmeNode(readme: string): string | undefined;
export function engineProblems(input: EngineInput): string[];
