import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

// The built page (vite build's dist/), served by the same process as the API: `/` is
// index.html, the hashed assets are cached for good.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Answers a GET or HEAD for a file under `root`, or undefined when there is none. */
export async function staticFile(root: string, request: Request): Promise<Response | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const { pathname } = new URL(request.url);
  let path: string;
  try {
    path = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return undefined;
  }
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep)) return undefined; // `..` out of the folder
  const found = await stat(file).catch(() => undefined);
  if (!found?.isFile()) return undefined;
  const body = request.method === 'HEAD' ? null : await readFile(file);
  const hashed = path.startsWith('/assets/');
  return new Response(body, {
    headers: {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(found.size),
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  });
}
