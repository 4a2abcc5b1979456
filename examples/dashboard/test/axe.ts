import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core in the page under test: the WCAG 2.x A and AA rules, colour contrast among them.

const require = createRequire(import.meta.url);
/** axe-core's script, injected into each page it checks. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A violation as the test reports it: the rule, and where on the page. */
export interface Violation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly nodes: readonly string[];
}

/** Runs axe-core on the page as it is; resolves to its violations (none, for a page that passes). */
export async function accessibilityViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  });
}
