/**
 * Build plugin: `@mantine/core/styles.css` with only the components the console uses.
 *
 * The full file has the styles of all 102 components (about 290 kB before minifying); the console
 * uses about half of them. Every page parses the stylesheet before its first paint and matches every
 * element against its rules, so the rest is paid on every load for nothing. Mantine publishes each
 * component's styles as its own file (`@mantine/core/styles/Button.css`, …) and its bundled
 * `styles.css` is exactly their concatenation; a component's JS imports its class names from
 * `…/Button/Button.module.mjs`. So the build's first pass (config/first-pass.ts) says which of those
 * modules are bundled, and the real build serves `styles.css` as the global files plus those
 * components' files, in the order `styles.css` has them (dependencies such as UnstyledButton come
 * before the components built on them). Dev and tests read the full file.
 */
import { readFileSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { bundledModules, firstPassOutput, isFirstPass } from './first-pass.ts';

/** Mantine's global styles: always included. */
const GLOBAL_FILES = ['baseline', 'default-css-variables', 'global'];

/** `…/@mantine/core/esm/components/Button/Button.module.mjs` → `Button`. */
const MODULE_CSS = /[\\/]@mantine[\\/]core[\\/]esm[\\/].*[\\/]([^\\/]+)\.module\.mjs$/;

/** The component names whose class-name modules are among `modules`. */
export function usedComponents(modules: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const id of modules) {
    const match = MODULE_CSS.exec(id);
    if (match?.[1]) names.add(match[1]);
  }
  return names;
}

/**
 * The styles of `components` (and the global files), from `files` (name → CSS), ordered as they
 * appear in `full`, Mantine's own concatenation.
 */
export function trimmedStyles(
  full: string,
  files: ReadonlyMap<string, string>,
  components: ReadonlySet<string>,
): string {
  const wanted = [...files].filter(([name]) => GLOBAL_FILES.includes(name) || components.has(name));
  const placed = wanted.map(([name, css]) => {
    const at = full.indexOf(css.trim());
    if (at < 0) throw new Error(`mantine-styles: ${name}.css is not part of styles.css`);
    return { at, css };
  });
  return placed
    .sort((a, b) => a.at - b.at)
    .map((p) => p.css)
    .join('\n');
}

function mantineStyleFiles(stylesDir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of readdirSync(stylesDir)) {
    if (!file.endsWith('.css') || file.endsWith('.layer.css')) continue;
    files.set(file.slice(0, -'.css'.length), readFileSync(join(stylesDir, file), 'utf8'));
  }
  return files;
}

export function mantineStylesPlugin(): Plugin {
  let stylesFile = '';
  let trimmed: string | undefined;
  return {
    name: 'm3ter:mantine-styles',
    apply: 'build',
    enforce: 'pre',
    async config(config, env) {
      if (isFirstPass()) return;
      const root = config.root ?? process.cwd();
      stylesFile = realpathSync(
        createRequire(join(root, 'package.json')).resolve('@mantine/core/styles.css'),
      );
      const components = usedComponents(bundledModules(await firstPassOutput(config, env)));
      trimmed = trimmedStyles(
        readFileSync(stylesFile, 'utf8'),
        mantineStyleFiles(join(dirname(stylesFile), 'styles')),
        components,
      );
    },
    load(id) {
      if (trimmed === undefined || id.split('?')[0] !== stylesFile) return null;
      return trimmed;
    },
  };
}
