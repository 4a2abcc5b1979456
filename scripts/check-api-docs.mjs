// Every public export of every package has TSDoc with a summary and an @example (STYLE.md, Docs).
// typedoc checks that exports are documented; this checks the example, which typedoc does not.
// Usage: node scripts/check-api-docs.mjs  (from the repo root; reads each package's exports map)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

// Workspace packages resolve to their sources, so the check needs no build (lint runs first).
const paths = {};
for (const name of readdirSync('packages')) {
  const manifest = join('packages', name, 'package.json');
  if (!existsSync(manifest)) continue;
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  paths[pkg.name] = [join('packages', name, 'src', 'index.ts')];
  // Subpath entries (`@maslul/timing/israel`, `@maslul/store/pglite`...) live in src/<name>/index.ts.
  for (const sub of readdirSync(join('packages', name, 'src'), { withFileTypes: true })) {
    const index = join('packages', name, 'src', sub.name, 'index.ts');
    if (sub.isDirectory() && sub.name !== '__tests__' && existsSync(index)) {
      paths[`${pkg.name}/${sub.name}`] = [index];
    }
  }
}
const options = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  baseUrl: '.',
  paths,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
};

const problems = [];
let checked = 0;
for (const name of readdirSync('packages')) {
  const dir = join('packages', name);
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) continue;
  const entries = [
    'src/index.ts',
    ...readdirSync(join(dir, 'src'), { withFileTypes: true })
      .filter(
        (d) =>
          d.isDirectory() &&
          existsSync(join(dir, 'src', d.name, 'index.ts')) &&
          d.name !== '__tests__',
      )
      .map((d) => `src/${d.name}/index.ts`),
  ].map((file) => join(dir, file));
  const program = ts.createProgram(entries, options);
  const checker = program.getTypeChecker();
  for (const entry of entries) {
    const source = program.getSourceFile(entry);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) continue;
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol =
        exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      checked++;
      const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
      const tags = symbol.getJsDocTags(checker).map((tag) => tag.name);
      const missing = [!summary && 'summary', !tags.includes('example') && '@example'].filter(
        Boolean,
      );
      if (missing.length)
        problems.push(`${entry}: export "${exported.name}" has no ${missing.join(' and no ')}`);
    }
  }
}
for (const problem of problems) console.error(problem);
console.log(
  `api docs: ${checked} exports checked, ${problems.length} without a summary or an example`,
);
process.exit(problems.length ? 1 : 0);
