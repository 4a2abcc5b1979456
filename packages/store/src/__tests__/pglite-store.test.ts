import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPGliteStore } from '../pglite/index.js';

describe('createPGliteStore', () => {
  const parent = mkdtempSync(join(tmpdir(), 'maslul-pglite-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('makes the folders above its data folder (PGlite makes only the last one)', async () => {
    const dataDir = join(parent, 'data', 'maslul');
    const store = await createPGliteStore({ dataDir });
    await store.close();
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  }, 60_000);
});
