// A typedoc plugin that draws ```mermaid blocks as diagrams in the generated site.
//
// Each ```mermaid block of a guide, a README or a doc comment becomes `<pre class="mermaid">`
// holding the diagram's text (HTML-escaped, so the browser hands Mermaid the text as written).
// The pages that have one load Mermaid from the site's own assets (copied from the `mermaid`
// package at the root), which draws each block as an SVG when the page loads, in the dark or
// light theme the reader chose. Registered in typedoc.json: "plugin": ["./scripts/typedoc/mermaid.mjs"].
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Application, MarkdownEvent, PageEvent, RendererEvent } from 'typedoc';

const ASSET = 'assets/mermaid.min.js';

/**
 * A code block as typedoc writes it: `<pre><code class="mermaid">…</code><button>Copy</button></pre>`.
 * The text is escaped, or highlighted (escaped text in spans) if a config loads the language.
 */
const BLOCK =
  /<pre><code class="mermaid">([\s\S]*?)<\/code>(?:<button[^>]*>[\s\S]*?<\/button>)?<\/pre>/g;

/** Mermaid's theme follows typedoc's: the reader's choice, else the system's. */
const START = `<script>
(() => {
  const chosen = document.documentElement.dataset.theme;
  const dark = chosen === 'dark' || (chosen !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  mermaid.initialize({ startOnLoad: true, theme: dark ? 'dark' : 'default' });
})();
</script>`;

const STYLE = `<style>pre.mermaid { background: transparent; border: none; overflow-x: auto; }</style>`;

/** @param {import('typedoc').Application} app */
export function load(app) {
  // Shiki knows Mermaid but typedoc does not load it, and an unloaded language is a warning
  // (an error here): a mermaid block is text to draw, not code to colour.
  app.on(Application.EVENT_BOOTSTRAP_END, () => {
    const ignored = app.options.getValue('ignoredHighlightLanguages');
    if (!ignored.includes('mermaid')) {
      app.options.setValue('ignoredHighlightLanguages', [...ignored, 'mermaid']);
    }
  });

  // After typedoc's own parser (priority 0) has turned the Markdown into HTML.
  app.renderer.on(
    MarkdownEvent.PARSE,
    (event) => {
      event.parsedText = event.parsedText.replace(BLOCK, (_, code) => {
        const text = code.replace(/<[^>]*>/g, '').replace(/\n$/, '');
        return `<pre class="mermaid">${text}</pre>`;
      });
    },
    -100,
  );

  let drawn = 0;
  app.renderer.on(PageEvent.END, (page) => {
    if (!page.contents?.includes('<pre class="mermaid">')) return;
    drawn++;
    const up = '../'.repeat(page.url.split('/').length - 1);
    const scripts = `${STYLE}<script src="${up}${ASSET}"></script>${START}`;
    page.contents = page.contents.replace(/<\/body>/, `${scripts}</body>`);
  });

  app.renderer.on(RendererEvent.END, (event) => {
    if (drawn === 0) return;
    const require = createRequire(import.meta.url);
    let source;
    try {
      source = require.resolve('mermaid/dist/mermaid.min.js');
    } catch {
      app.logger.error(
        `${drawn} page(s) have a mermaid diagram, but the "mermaid" package is not installed; npm install --save-dev mermaid at the root.`,
      );
      return;
    }
    const target = join(event.outputDirectory, ASSET);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
    app.logger.info(`mermaid: ${drawn} page(s) with diagrams; copied ${ASSET}`);
    drawn = 0;
  });
}
