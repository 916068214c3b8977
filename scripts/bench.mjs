#!/usr/bin/env node
// `npm run bench`: builds the production bundle and prints gzip sizes of the entry JS, each lazily
// loaded chunk (route chunks, the demo backend), the CSS and the total, against the entry budget.
// The entry's figure is what index.html loads before any route: the entry chunk and every chunk it
// imports statically (config/first-screen-chunk-plugin.ts makes that one file; counting its imports
// too keeps the budget honest if it ever is not).
// Browser scenarios (scripts/bench-*.mjs) run after it when present.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const ENTRY_BUDGET_KB = 190;
const dist = 'dist';

console.log('Building (tsc -b && vite build --manifest)…');
execFileSync('npx', ['tsc', '-b'], { stdio: 'inherit' });
execFileSync('npx', ['vite', 'build', '--manifest', '--logLevel', 'warn'], {
  stdio: 'inherit',
  env: { ...process.env, M3TER_MODE: process.env.M3TER_MODE ?? 'demo' },
});

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const raw = (file) => readFileSync(join(dist, file)).length / 1024;

const rows = [];
const entry = Object.values(manifest).find((c) => c.isEntry);
if (!entry) throw new Error('No entry chunk in the Vite manifest');
rows.push({ kind: 'entry JS', name: entry.src ?? entry.file, file: entry.file });
for (const [key, chunk] of Object.entries(manifest)) {
  if (chunk === entry || !chunk.file.endsWith('.js')) continue;
  const kind = chunk.isDynamicEntry
    ? key.includes('/routes/')
      ? 'route chunk'
      : key.includes('/mocks/')
        ? 'demo backend'
        : 'lazy chunk'
    : 'shared chunk';
  rows.push({ kind, name: chunk.src ?? key, file: chunk.file });
}
const cssFiles = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.css'));
for (const f of cssFiles) rows.push({ kind: 'CSS', name: f, file: `assets/${f}` });

const pad = (s, n) => String(s).padEnd(n);
console.log(`\n${pad('kind', 14)}${pad('source', 58)}${pad('raw kB', 10)}gzip kB`);
let totalGz = 0;
for (const r of rows) {
  const g = gz(r.file);
  totalGz += g;
  console.log(
    `${pad(r.kind, 14)}${pad(r.name, 58)}${pad(raw(r.file).toFixed(1), 10)}${g.toFixed(1)}`,
  );
}
/** The entry chunk and the chunks it imports statically, as manifest entries. */
function staticClosure(start) {
  const seen = new Set();
  const pending = [start];
  while (pending.length > 0) {
    const chunk = pending.pop();
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    for (const key of chunk.imports ?? []) if (manifest[key]) pending.push(manifest[key]);
  }
  return [...seen];
}
const entryFiles = staticClosure(entry).filter((c) => c.file.endsWith('.js'));
const entryGz = entryFiles.reduce((sum, c) => sum + gz(c.file), 0);
console.log(`\nTotal JS + CSS gzip: ${totalGz.toFixed(1)} kB`);
const ok = entryGz <= ENTRY_BUDGET_KB;
console.log(
  `Entry JS gzip (${entryFiles.length} file${entryFiles.length === 1 ? '' : 's'}): ${entryGz.toFixed(1)} kB (budget ${ENTRY_BUDGET_KB} kB) ${ok ? 'within budget' : 'OVER BUDGET'}`,
);

let failed = !ok;
for (const f of readdirSync('scripts')
  .filter((f) => /^bench-.*\.mjs$/.test(f))
  .sort()) {
  console.log(`\n▶ ${f}`);
  try {
    execFileSync('node', [join('scripts', f)], { stdio: 'inherit' });
  } catch {
    failed = true;
  }
}
if (existsSync(dist) && failed) process.exit(1);
