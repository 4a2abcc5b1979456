import { defineConfig, type Options } from 'tsup';
import { base } from '../../tsup.base.js';

const shared: Options = {
  ...base,
  // Dependencies stay imports: apps share @maslul/timing with the rest of maslul.
  external: ['@maslul/timing', 'ics'],
  dts: { ...base.dts, entry: { index: 'src/index.ts' } },
};

export default defineConfig([
  // ESM: each function sits in a chunk of its own, so a bundler that takes only toCsv,
  // toMermaidGantt or toMermaidStatechart from index.js (the package has no side effects)
  // leaves out `ics` and yup, which are most of the weight. The entries beside `index` exist
  // only to make those chunks; they are not in the exports map.
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      icalendar: 'src/to-icalendar.ts',
      csv: 'src/to-csv.ts',
      'mermaid-gantt': 'src/to-mermaid-gantt.ts',
      'mermaid-statechart': 'src/to-mermaid-statechart.ts',
    },
    format: ['esm'],
    splitting: true,
  },
  // CommonJS: one file (CommonJS is not tree-shaken anyway).
  { ...shared, entry: { index: 'src/index.ts' }, format: ['cjs'] },
]);
