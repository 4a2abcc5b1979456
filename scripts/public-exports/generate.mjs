// Writes each package's `src/__tests__/public-exports.test-d.ts`, which pins its public API: the
// exact set of values each entry point exports, and every type it exports by name. A change to
// the API then shows as a change to that file in review. Run it after changing an index.ts on
// purpose (`npm run public-exports` at the root), read the diff, commit both.
//
// `--check` writes nothing and exits 1 when a file is not what it would write (run by `npm run lint`).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = new URL('../..', import.meta.url).pathname;

/** The entry points of each package: its package.json `exports`, mapped to their sources. */
const ENTRIES = {
  timing: {
    '.': 'src/index.ts',
    './israel': 'src/israel/index.ts',
    './rrule': 'src/rrule/index.ts',
    './names': 'src/names/index.ts',
  },
  core: { '.': 'src/index.ts', './xstate': 'src/xstate/index.ts' },
  'kehila-metiva': { '.': 'src/index.ts' },
  store: {
    '.': 'src/index.ts',
    './pglite': 'src/pglite/index.ts',
    './postgres': 'src/postgres/index.ts',
  },
  export: { '.': 'src/index.ts' },
  http: { '.': 'src/index.ts' },
  react: { '.': 'src/index.ts' },
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [name, entries] of Object.entries(ENTRIES)) {
  const dir = join(root, 'packages', name);
  const files = Object.values(entries).map((file) => join(dir, file));
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const blocks = [];
  Object.entries(entries).forEach(([subpath, file], index) => {
    const source = program.getSourceFile(join(dir, file));
    if (!source) throw new Error(`No source ${file} in ${name}.`);
    const module = checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${name}/${file} is no module.`);
    const values = [];
    const types = [];
    for (const symbol of checker.getExportsOfModule(module)) {
      const target =
        symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const typeOnly = symbol.declarations?.some(
        (d) => ts.isTypeOnlyExportDeclaration?.(d) || d.isTypeOnly || d.parent?.parent?.isTypeOnly,
      );
      if (target.flags & ts.SymbolFlags.Value && !typeOnly) values.push(symbol.name);
      else types.push(symbol.name);
    }
    values.sort();
    types.sort();
    const spec = relative(join(dir, 'src/__tests__'), join(dir, file)).replace(/\.ts$/, '.js');
    const alias = `entry${index}`;
    const shown = subpath === '.' ? `@maslul/${name}` : `@maslul/${name}/${subpath.slice(2)}`;
    const lines = [`// ${shown}`, `import type * as ${alias} from '${spec}';`, ''];
    lines.push(`test('${shown} exports exactly these values', () => {`);
    lines.push(
      values.length
        ? `  expectTypeOf<keyof typeof ${alias}>().toEqualTypeOf<\n${values.map((v) => `    | '${v}'`).join('\n')}\n  >();`
        : `  expectTypeOf<keyof typeof ${alias}>().toEqualTypeOf<never>();`,
    );
    lines.push('});');
    if (types.length) {
      lines.push('', `test('${shown} exports these types', () => {`);
      lines.push(
        `  type Named = [\n${types.map((t) => `    ${alias}.${t}${generic(checker, t, module)}`).join(',\n')},\n  ];`,
      );
      lines.push('  expectTypeOf<Named>().not.toBeNever();', '});');
    }
    blocks.push(lines.join('\n'));
  });
  const header = blocks.some((b) => b.includes('<Some'))
    ? '// biome-ignore lint/suspicious/noExplicitAny: a generic type is named with any arguments.\ntype Some = any;\n\n'
    : '';
  const raw = `// Written by scripts/public-exports/generate.mjs: the public API of @maslul/${name}, pinned. Do\n// not edit by hand; change the index, run \`npm run public-exports\`, and review this diff.\nimport { expectTypeOf, test } from 'vitest';\n\n${header}${blocks.join('\n\n')}\n`;
  const out = join(dir, 'src/__tests__/public-exports.test-d.ts');
  // As biome formats it, so the file passes \`biome check\` and \`--check\` compares like with like.
  const text = execFileSync(
    join(root, 'node_modules/.bin/biome'),
    ['format', `--stdin-file-path=${out}`],
    {
      input: raw,
      encoding: 'utf8',
    },
  );
  let before = '';
  try {
    before = readFileSync(out, 'utf8');
  } catch {}
  if (before === text) continue;
  if (check) {
    stale += 1;
    console.error(
      `${relative(root, out)} is not the public API of @maslul/${name}: run npm run public-exports and review the diff.`,
    );
  } else {
    writeFileSync(out, text);
    console.log(`wrote ${relative(root, out)}`);
  }
}
if (stale) process.exit(1);

/** `<any>`-style arguments for a generic type, so the tuple names it without its parameters. */
function generic(checker, name, module) {
  const symbol = checker.getExportsOfModule(module).find((s) => s.name === name);
  const target =
    symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declaration = target?.declarations?.[0];
  const parameters =
    declaration && 'typeParameters' in declaration ? declaration.typeParameters : undefined;
  const required = parameters?.filter((p) => !p.default).length ?? 0;
  return required ? `<${Array(required).fill('Some').join(', ')}>` : '';
}
