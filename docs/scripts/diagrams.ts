// Fills the diagram regions of the docs' Markdown files from the code (see diagrams-lib.ts).
// Usage: npm run diagrams -w @maslul/docs   (or, from the root, npx tsx docs/scripts/diagrams.ts)
// The packages must be built: the diagrams come from their dist, as the docs' snippets do.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownFiles, root } from '../test/snippets.js';
import { generatedRegions } from './diagrams-lib.js';

let changed = 0;
for (const file of markdownFiles()) {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = generatedRegions(text, file);
  if (next !== text) {
    writeFileSync(path, next);
    changed++;
    console.log(`updated ${file}`);
  }
}
console.log(
  changed === 0 ? 'diagrams: every file is up to date' : `diagrams: ${changed} file(s) updated`,
);
