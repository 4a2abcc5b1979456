// The TypeScript blocks of the Markdown docs, as files that can be type-checked and run.
//
// A block's info string says what the test does with it:
//   ```ts                  compiled, then run with Node: it must exit 0 (blocks assert with node:assert)
//   ```ts compile-only     compiled only (it needs a server, a database or a browser)
//   ```tsx                 compiled only (a React component)
//   ```ts continues        joined to the block before it in the same file: the two are one program
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { type Fence, fencesOf, typescriptLanguages } from '../../scripts/api-docs/fences.mjs';

/** The repository root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Where the blocks are written: inside the docs workspace, so `@maslul/*` resolve as for a user;
 * one folder per test process, so two runs at once do not empty each other's.
 */
export const snippetDir = join(root, 'docs', '.snippets', String(process.pid));

/** One block (or a chain of `continues` blocks) of one Markdown file. */
export interface Snippet {
  /** `docs/timing.md:42`: the file and the line of the (last) block's first code line. */
  readonly name: string;
  readonly file: string;
  readonly code: string;
  readonly run: boolean;
  /** Where each line of `code` comes from: the Markdown line, 1-based. */
  readonly lines: readonly number[];
}

/** The Markdown files whose blocks are checked: the guides, the README and the packages' READMEs. */
export function markdownFiles(): string[] {
  const inFolder = (folder: string) =>
    readdirSync(join(root, folder), { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
      .map((entry) => join(folder, entry.name));
  const readmes = ['packages', 'examples'].flatMap((folder) =>
    readdirSync(join(root, folder))
      .map((name) => join(folder, name, 'README.md'))
      .filter((file) => existsSync(join(root, file))),
  );
  return ['README.md', ...inFolder('docs'), ...readmes];
}

/** The snippets of one Markdown file (relative to the root), in order. */
export function snippetsOf(file: string): Snippet[] {
  const text = readFileSync(join(root, file), 'utf8');
  const fences = fencesOf(text).filter((fence: Fence) => typescriptLanguages.has(fence.language));
  const snippets: Snippet[] = [];
  for (const fence of fences) {
    const code = fence.code.split('\n');
    const lines = code.map((_, i) => fence.line + i + 1);
    const run = fence.language !== 'tsx' && !fence.flags.includes('compile-only');
    const previous = fence.flags.includes('continues') ? snippets.pop() : undefined;
    if (fence.flags.includes('continues') && !previous)
      throw new Error(`${file}:${fence.line}: a "continues" block has no block before it`);
    snippets.push({
      name: `${file}:${fence.line + 1}`,
      file,
      code: previous ? `${previous.code}\n${fence.code}` : fence.code,
      run: (previous?.run ?? true) && run,
      lines: previous ? [...previous.lines, ...lines] : lines,
    });
  }
  return snippets;
}

/** The file a snippet is written to (`.tsx` when it has JSX). */
export function fileOf(snippet: Snippet): string {
  const slug = snippet.name.replace(/[/:.]/g, '_');
  const jsx = /<[A-Z][\w.]*[\s/>]/.test(snippet.code);
  return join(snippetDir, `${slug}.${jsx ? 'tsx' : 'ts'}`);
}

/** Writes every snippet as a module in {@link snippetDir} (emptied first); see {@link removeSnippets}. */
export function writeSnippets(snippets: readonly Snippet[]): void {
  rmSync(snippetDir, { recursive: true, force: true });
  mkdirSync(snippetDir, { recursive: true });
  // `export {}` keeps each block a module even when it imports nothing.
  for (const snippet of snippets) writeFileSync(fileOf(snippet), `${snippet.code}\nexport {};\n`);
}

/** Removes this process's {@link snippetDir}. */
export function removeSnippets(): void {
  rmSync(snippetDir, { recursive: true, force: true });
}

/** The compiler options a user of the packages would have: the repo's strict flags, Node ESM. */
export function compilerOptions(): ts.CompilerOptions {
  const base = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile).config;
  return ts.convertCompilerOptionsFromJson(
    {
      ...base.compilerOptions,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      noEmit: true,
      declaration: false,
      declarationMap: false,
      sourceMap: false,
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      types: ['node'],
      jsx: 'react-jsx',
    },
    snippetDir,
  ).options;
}

/** Type-checks every written snippet in one program; the errors of each, by its Markdown lines. */
export function typeCheck(snippets: readonly Snippet[]): Map<Snippet, string[]> {
  const files = snippets.map(fileOf);
  const program = ts.createProgram(files, compilerOptions());
  const errors = new Map<Snippet, string[]>();
  for (const snippet of snippets) {
    const source = program.getSourceFile(fileOf(snippet));
    if (!source) throw new Error(`${snippet.name}: not in the program`);
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ];
    errors.set(
      snippet,
      diagnostics.map((diagnostic) => {
        const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        return `${snippet.file}:${snippet.lines[line] ?? '?'}: ${message}`;
      }),
    );
  }
  return errors;
}

/** Writes the snippet as JavaScript (types stripped) beside its source; returns the `.mjs` path. */
export function transpile(snippet: Snippet): string {
  const source = fileOf(snippet);
  const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      jsx: ts.JsxEmit.ReactJSX,
    },
    fileName: basename(source),
  });
  const out = source.replace(/\.tsx?$/, '.mjs');
  writeFileSync(out, outputText);
  return out;
}

/** A path relative to the root, for messages. */
export const fromRoot = (path: string): string => relative(root, path);
