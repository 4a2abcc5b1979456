import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// `vite build` when the page's sources are newer than dist/ (or there is no dist/): what
// `npm start` and the end-to-end test do before serving, so neither serves a stale page.

/** The example's folder: index.html, vite.config.ts, src/, dist/. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where `vite build` writes the page. */
export const DIST = join(ROOT, 'dist');

const SOURCES = ['index.html', 'vite.config.ts', 'package.json', 'src'];

function newest(path: string): number {
  const found = statSync(path);
  if (!found.isDirectory()) return found.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Whether dist/ is missing or older than a source of the page. */
export function pageIsStale(): boolean {
  const built = join(DIST, 'index.html');
  if (!existsSync(built)) return true;
  const sources = SOURCES.map((name) => join(ROOT, name)).filter((path) => existsSync(path));
  return Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
}

/** Builds the page with Vite when it is stale; says whether it built. */
export async function buildPageIfStale(): Promise<boolean> {
  if (!pageIsStale()) return false;
  const { build } = await import('vite');
  await build({ root: ROOT, logLevel: 'warn' });
  return true;
}
