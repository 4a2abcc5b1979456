// Every public export of every package has TSDoc with a summary, an @example that compiles, and,
// for functions, an @param per parameter and an @returns (docs/style.md, Docs). typedoc checks that
// exports are documented; this checks the rest, which typedoc does not.
// Usage: node scripts/api-docs/check.mjs  (from the repo root; `npm run lint` runs it)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { fencesOf, typescriptLanguages } from './fences.mjs';

// Workspace packages resolve to their sources, so the check needs no build (lint runs first).
const entries = [];
const paths = {};
for (const name of readdirSync('packages')) {
  const manifest = join('packages', name, 'package.json');
  if (!existsSync(manifest)) continue;
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  const main = join('packages', name, 'src', 'index.ts');
  paths[pkg.name] = [main];
  entries.push(main);
  // Subpath entries (`@maslul/timing/israel`, `@maslul/store/pglite`...) live in src/<name>/index.ts.
  for (const sub of readdirSync(join('packages', name, 'src'), { withFileTypes: true })) {
    const index = join('packages', name, 'src', sub.name, 'index.ts');
    if (sub.isDirectory() && sub.name !== '__tests__' && existsSync(index)) {
      paths[`${pkg.name}/${sub.name}`] = [index];
      entries.push(index);
    }
  }
}
const base = JSON.parse(readFileSync('tsconfig.base.json', 'utf8')).compilerOptions;
const { options } = ts.convertCompilerOptionsFromJson(
  {
    ...base,
    noEmit: true,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
    baseUrl: '.',
    paths,
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    types: ['node'],
    jsx: 'react-jsx',
  },
  '.',
);

const problems = [];
const program = ts.createProgram(entries, options);
const checker = program.getTypeChecker();
const examples = new Map(); // virtual file name -> { code, source, line, name }
const seen = new Set();
let checked = 0;

for (const entry of entries) {
  const source = program.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) continue;
  for (const exported of checker.getExportsOfModule(module)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declaration = symbol.declarations?.[0];
    if (!declaration || seen.has(declaration)) continue;
    seen.add(declaration);
    checked++;
    const where = `${declaration.getSourceFile().fileName}: export "${exported.name}"`;
    const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const tags = ts.getJSDocTags(declaration);
    const exampleTags = tags.filter((tag) => tag.tagName.text === 'example');
    const missing = [!summary && 'summary', !exampleTags.length && '@example'];
    const fn = functionOf(declaration);
    if (fn) {
      const documented = new Set(
        tags.filter(ts.isJSDocParameterTag).map((tag) => tag.name.getText().split('.')[0]),
      );
      for (const parameter of fn.parameters) {
        const name = parameter.name.getText();
        if (ts.isIdentifier(parameter.name) && !documented.has(name))
          missing.push(`@param ${name}`);
      }
      const signature = checker.getSignatureFromDeclaration(fn);
      const returns = signature && checker.getReturnTypeOfSignature(signature);
      const isVoid = returns && returns.flags & (ts.TypeFlags.Void | ts.TypeFlags.Never);
      if (!isVoid && !tags.some((tag) => ['returns', 'return'].includes(tag.tagName.text)))
        missing.push('@returns');
    }
    const absent = missing.filter(Boolean);
    if (absent.length) problems.push(`${where} has no ${absent.join(', no ')}`);
    collectExamples(declaration, exported.name);
    // A class's or an interface's members carry examples too (`ProgramBuilder.target`): they
    // compile as well, though only the export itself must have one.
    if (ts.isClassDeclaration(declaration) || ts.isInterfaceDeclaration(declaration)) {
      for (const member of declaration.members) {
        const name = member.name && ts.isIdentifier(member.name) ? member.name.text : 'member';
        collectExamples(member, `${exported.name}.${name}`);
      }
    }
  }
}

/** The function an export declares: a function declaration, or a const bound to an arrow/function. */
function functionOf(declaration) {
  if (ts.isFunctionDeclaration(declaration)) return declaration;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const init = declaration.initializer;
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

function collectExamples(declaration, name) {
  // The raw comment, not the parsed @example tag: the parser ends a tag at any `@word`, also one
  // inside a code block (`// from @maslul/store`). Every TypeScript block in the comment compiles.
  const source = declaration.getSourceFile();
  for (const doc of ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc)) {
    const first = source.getLineAndCharacterOfPosition(doc.getStart()).line;
    const text = doc
      .getText()
      .split('\n')
      .map((line) => line.replace(/^\s*(\/\*\*|\*\/|\*(?!\/))? ?/, '').replace(/\*\/\s*$/, ''))
      .join('\n');
    const fences = fencesOf(text).filter((fence) => typescriptLanguages.has(fence.language));
    if (!fences.length && /@example/.test(text))
      problems.push(
        `${source.fileName}:${first + 1}: the @example of "${name}" has no \`\`\`ts block`,
      );
    fences.forEach((fence, k) => {
      const extension = fence.language === 'tsx' ? 'tsx' : 'ts';
      const file = resolve(
        '.examples',
        relative('packages', source.fileName).replaceAll('/', '_'),
        `${name}-${k}.${extension}`,
      );
      examples.set(file, { code: fence.code, source: source.fileName, line: first + fence.line });
    });
  }
}

// Type-check every example as its own module, against the packages' sources, in one program.
const host = ts.createCompilerHost(options);
const read = host.getSourceFile.bind(host);
host.getSourceFile = (file, language, ...rest) => {
  const example = examples.get(resolve(file));
  return example
    ? ts.createSourceFile(file, example.code, language, true)
    : read(file, language, ...rest);
};
host.fileExists = (
  (exists) => (file) =>
    examples.has(resolve(file)) || exists(file)
)(host.fileExists.bind(host));
const withExamples = ts.createProgram([...entries, ...examples.keys()], options, host, program);
for (const [file, example] of examples) {
  const sourceFile = withExamples.getSourceFile(file);
  const diagnostics = [
    ...withExamples.getSyntacticDiagnostics(sourceFile),
    ...withExamples.getSemanticDiagnostics(sourceFile),
  ];
  for (const diagnostic of diagnostics) {
    const { line } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    problems.push(
      `${example.source}:${example.line + line + 1}: example does not compile: ${message}`,
    );
  }
}

for (const problem of problems) console.error(problem);
console.log(
  `api docs: ${checked} exports, ${examples.size} examples compiled, ${problems.length} problems`,
);
process.exit(problems.length ? 1 : 0);
