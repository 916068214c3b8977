// @vitest-environment node
/** The build's compressed copies: beside every compressible file worth it, decoding to the same bytes. */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressPlugin } from './precompress-plugin.ts';

describe('precompressPlugin', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'm3ter-precompress-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes .br and .gz copies of scripts and styles, not of tiny or binary files', async () => {
    const script = `export const rows = ${JSON.stringify(Array.from({ length: 300 }, (_, i) => `run ${i}`))};`;
    const files: Record<string, string> = {
      'index-abc.js': script,
      'index-abc.css': `.row{color:red}\n`.repeat(200),
      'tiny.js': 'export {};',
      'logo.png': 'x'.repeat(5000),
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
    const plugin = precompressPlugin();
    const writeBundle = plugin.writeBundle as unknown as (
      options: { dir: string },
      bundle: Record<string, unknown>,
    ) => Promise<void>;
    await writeBundle({ dir }, Object.fromEntries(Object.keys(files).map((f) => [f, {}])));

    for (const name of ['index-abc.js', 'index-abc.css']) {
      const original = await readFile(join(dir, name));
      const br = await readFile(join(dir, `${name}.br`));
      const gz = await readFile(join(dir, `${name}.gz`));
      expect(brotliDecompressSync(br).equals(original), name).toBe(true);
      expect(gunzipSync(gz).equals(original), name).toBe(true);
      expect(br.length, name).toBeLessThan(gz.length);
    }
    expect(existsSync(join(dir, 'tiny.js.br'))).toBe(false);
    expect(existsSync(join(dir, 'logo.png.br'))).toBe(false);
  });
});
