import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toMermaidGantt, toMermaidStatechart } from '@maslul/export';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_START,
  defaultPlan,
  diagrams,
  generatedRegions,
  mermaidBlock,
} from '../scripts/diagrams-lib.js';
import { markdownFiles, root } from './snippets.js';

const statechart = mermaidBlock(toMermaidStatechart(kehilaMetiva));

describe('the diagrams of the docs', () => {
  it.each(markdownFiles())('%s holds the diagrams the code draws today', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(
      generatedRegions(text, file) === text,
      `${file} has a diagram that no longer matches the code: run \`npm run diagrams -w @maslul/docs\` (after building the packages) and commit the result.`,
    ).toBe(true);
  });

  it('draws the Kehila Metiva statechart and its default schedule', () => {
    expect(diagrams['statechart kehila-metiva']?.('en')).toBe(toMermaidStatechart(kehilaMetiva));
    expect(diagrams['statechart kehila-metiva']?.('he')).toBe(
      toMermaidStatechart(kehilaMetiva, { locale: 'he' }),
    );
    const plan = defaultPlan();
    expect(plan.steps.S0.start).toBe(DEFAULT_START);
    expect(Object.values(plan.steps).every((step) => !step.recorded.start)).toBe(true);
    const gantt = diagrams['gantt kehila-metiva']?.('en') ?? '';
    expect(gantt).toContain('  section Long-term strategy\n');
    expect(gantt).toContain(`:crit, milestone, S0, ${DEFAULT_START}, 0d\n`);
    // The chart is toMermaidGantt's, with no "today" line (the plan is not a run) and a tick a
    // quarter.
    expect(gantt.replace('  todayMarker off\n  tickInterval 3month\n', '')).toBe(
      toMermaidGantt(plan, { program: kehilaMetiva, axisFormat: '%Y-%m' }),
    );
    expect(gantt.split('\n').slice(2, 6)).toEqual([
      '  dateFormat YYYY-MM-DD',
      '  todayMarker off',
      '  tickInterval 3month',
      '  axisFormat %Y-%m',
    ]);
    expect(diagrams['gantt kehila-metiva']?.('he')).toContain('  section בניית תוכנית');
  });
});

describe('generatedRegions', () => {
  const open = '<!-- generated:statechart kehila-metiva -->';
  const close = '<!-- /generated -->';

  it('fills an empty region with a mermaid block', () => {
    const text = `# Title\n\n${open}\n${close}\n\nAfter.\n`;
    expect(generatedRegions(text)).toBe(`# Title\n\n${open}\n${statechart}${close}\n\nAfter.\n`);
    expect(statechart.startsWith('```mermaid\nstateDiagram-v2\n')).toBe(true);
    expect(statechart.endsWith('\n```\n')).toBe(true);
  });

  it('replaces a stale region, and leaves a fresh one as it is', () => {
    const stale = `${open}\n\`\`\`mermaid\nstateDiagram-v2\n  old --> [*]\n\`\`\`\n${close}\n`;
    const fresh = generatedRegions(stale);
    expect(fresh).toBe(`${open}\n${statechart}${close}\n`);
    expect(generatedRegions(fresh)).toBe(fresh);
  });

  it('keeps the text outside the markers byte for byte', () => {
    const before =
      'Intro with  two spaces,\ttabs,\r\nCRLF, and `<!-- generated:x y -->` inline.\n\n';
    const between = '\n  Between: <!-- not a marker --> ```\n\n';
    const after = '\n\nNo newline at the end';
    const gantt = '<!-- generated:gantt kehila-metiva he -->';
    const text = `${before}${open}\nold\n${close}${between}${gantt}\n${close}${after}`;
    const filled = generatedRegions(text);
    const ganttBlock = mermaidBlock(diagrams['gantt kehila-metiva']?.('he') ?? '');
    expect(filled).toBe(
      `${before}${open}\n${statechart}${close}${between}${gantt}\n${ganttBlock}${close}${after}`,
    );
    expect(generatedRegions('No markers at all.')).toBe('No markers at all.');
    expect(generatedRegions('')).toBe('');
  });

  it('leaves markers inside a fenced code block alone', () => {
    const text = `\`\`\`md\n${open}\n${close}\n\`\`\`\n\n~~~\n<!-- generated:nothing here -->\n~~~\n`;
    expect(generatedRegions(text)).toBe(text);
  });

  it('names the file, the line and the fix when a marker is wrong', () => {
    expect(() =>
      generatedRegions(`a\n<!-- generated:statechart nowhere -->\n${close}`, 'docs/x.md'),
    ).toThrow(
      'docs/x.md:2: there is no diagram "statechart nowhere". Known: "statechart kehila-metiva", "gantt kehila-metiva"',
    );
    expect(() => generatedRegions(`<!-- generated:pie kehila-metiva -->\n${close}`)).toThrow(
      /there is no diagram "pie kehila-metiva"/,
    );
    expect(() => generatedRegions(`<!-- generated:gantt kehila-metiva fr -->\n${close}`)).toThrow(
      'the text:1: diagram "gantt kehila-metiva" has no locale "fr"',
    );
    expect(() => generatedRegions(`x\n${open}\nbody\n`, 'README.md')).toThrow(
      'README.md:2: the diagram region is not closed; end it with "<!-- /generated -->".',
    );
    expect(() => generatedRegions(`${open}\n${open}\n${close}\n`)).toThrow(
      'the text:2: a diagram region opens before the one on line 1 is closed',
    );
    expect(() => generatedRegions(`text\n${close}\n`)).toThrow(
      'the text:2: "<!-- /generated -->" closes no diagram region.',
    );
  });
});
