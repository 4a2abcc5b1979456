// The diagrams the docs embed, generated from the code so they cannot drift from it.
//
// A Markdown file asks for one with a pair of markers, each on a line of its own:
//
//   <!-- generated:statechart kehila-metiva -->
//   <!-- /generated -->
//
// and `generatedRegions` puts the diagram between them as a ```mermaid block (replacing what was
// there). An optional third word picks the labels' locale: `<!-- generated:gantt kehila-metiva he -->`.
// Markers inside a fenced code block are text, not markers. `npm run diagrams -w @maslul/docs`
// rewrites the files; docs/test/diagrams.test.ts fails when a file is not what it would write.
import { createInstance, createManualClock } from '@maslul/core';
import { toMermaidGantt, toMermaidStatechart } from '@maslul/export';
import { kehilaMetiva } from '@maslul/kehila-metiva';
import { israelCalendar } from '@maslul/timing/israel';

/** The day Kehila Metiva's default schedule starts: the start the READMEs and examples use. */
export const DEFAULT_START = '2026-09-07';

/** Kehila Metiva's default plan: a fresh run from {@link DEFAULT_START} on the Israeli calendar. */
export function defaultPlan() {
  const run = createInstance(kehilaMetiva, {
    start: DEFAULT_START,
    clock: createManualClock(`${DEFAULT_START}T06:00:00Z`),
    calendar: israelCalendar(),
  });
  return run.schedule().plan;
}

/** The diagrams a marker can name, as `<kind> <program>`, each given the labels' locale. */
export const diagrams: { readonly [name: string]: (locale: string) => string } = {
  'statechart kehila-metiva': (locale) => toMermaidStatechart(kehilaMetiva, { locale }),
  'gantt kehila-metiva': (locale) =>
    toMermaidGantt(defaultPlan(), { program: kehilaMetiva, locale, axisFormat: '%Y-%m' })
      // Settings toMermaidGantt has no option for. A plan from a fixed day has no "today" (Mermaid
      // would draw the reader's), and a tick a quarter keeps the axis legible on a page.
      .replace(/^( {2}dateFormat .*\n)/m, '$1  todayMarker off\n  tickInterval 3month\n'),
};

/** The locales a marker may ask for. */
export const locales: readonly string[] = ['en', 'he'];

const OPEN = /^<!-- generated:(\S+) (\S+)(?: (\S+))? -->$/;
const CLOSE = '<!-- /generated -->';
const FENCE = /^\s*(`{3,}|~{3,})/;

/** One diagram's text as a fenced block, the way it sits between its markers. */
export function mermaidBlock(diagram: string): string {
  return `\`\`\`mermaid\n${diagram.endsWith('\n') ? diagram : `${diagram}\n`}\`\`\`\n`;
}

/**
 * The text with every marker region filled with the diagram it names, generated now. Text
 * outside the regions is kept byte for byte.
 *
 * @param text - a Markdown file's text
 * @param file - the file's name, for error messages
 * @returns the text with its regions filled
 * @throws Error naming the file and line of an unknown diagram or locale, a region that is not
 *   closed, or a closing marker without an opening one
 */
export function generatedRegions(text: string, file = 'the text'): string {
  let out = '';
  let copied = 0; // how much of `text` is in `out` already
  let fence: string | undefined; // the marker of the code block we are in, if any
  let region: { line: number; body: number; diagram: string } | undefined;
  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const start = offset;
    offset += line.length + 1; // the next line's start
    const where = `${file}:${index + 1}`;
    const trimmed = line.trim().replace(/\r$/, '');
    if (region) {
      if (trimmed === CLOSE) {
        out += text.slice(copied, region.body) + region.diagram;
        copied = start;
        region = undefined;
      } else if (OPEN.test(trimmed)) {
        throw new Error(
          `${where}: a diagram region opens before the one on line ${region.line} is closed; end that one with "${CLOSE}".`,
        );
      }
      return;
    }
    const marker = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker?.startsWith(fence) && line.trim() === marker) fence = undefined;
      return;
    }
    if (marker !== undefined) {
      fence = marker;
      return;
    }
    const open = OPEN.exec(trimmed);
    if (open) {
      const [, kind = '', program = '', locale = 'en'] = open;
      const name = `${kind} ${program}`;
      const make = diagrams[name];
      if (!make) {
        throw new Error(
          `${where}: there is no diagram "${name}". Known: ${Object.keys(diagrams)
            .map((known) => `"${known}"`)
            .join(', ')} (docs/scripts/diagrams-lib.ts).`,
        );
      }
      if (!locales.includes(locale)) {
        throw new Error(
          `${where}: diagram "${name}" has no locale "${locale}"; write one of ${locales.map((l) => `"${l}"`).join(', ')}, or none for English.`,
        );
      }
      region = { line: index + 1, body: offset, diagram: mermaidBlock(make(locale)) };
    } else if (trimmed === CLOSE) {
      throw new Error(`${where}: "${CLOSE}" closes no diagram region.`);
    }
  });
  if (region) {
    throw new Error(
      `${file}:${region.line}: the diagram region is not closed; end it with "${CLOSE}".`,
    );
  }
  return out + text.slice(copied);
}
