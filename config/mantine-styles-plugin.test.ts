// @vitest-environment node
/** Mantine's stylesheet as the build serves it: the global files and the components bundled, in order. */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trimmedStyles, usedComponents } from './mantine-styles-plugin.ts';

describe('usedComponents', () => {
  it("names the components whose class-name modules are bundled, and nothing else's", () => {
    const names = usedComponents([
      '/repo/node_modules/@mantine/core/esm/components/Button/Button.module.mjs',
      '/repo/node_modules/@mantine/core/esm/components/Button/Button.mjs',
      '/repo/node_modules/@mantine/core/esm/components/Combobox/Combobox.module.mjs',
      '/repo/node_modules/@mantine/dates/esm/components/Calendar/Calendar.module.mjs',
      '/repo/src/features/integration-runs/runs-table.module.css',
    ]);
    expect([...names].sort()).toEqual(['Button', 'Combobox']);
  });
});

describe('trimmedStyles', () => {
  const full = '/* baseline */\n/* global */\n/* UnstyledButton */\n/* Alert */\n/* Button */\n';
  const files = new Map([
    ['Button', '/* Button */\n'],
    ['Alert', '/* Alert */\n'],
    ['global', '/* global */\n'],
    ['UnstyledButton', '/* UnstyledButton */\n'],
    ['baseline', '/* baseline */\n'],
  ]);

  it("keeps the global files and the used components, in styles.css's order", () => {
    const css = trimmedStyles(full, files, new Set(['Button', 'UnstyledButton']));
    expect(css.split('\n').filter(Boolean)).toEqual([
      '/* baseline */',
      '/* global */',
      '/* UnstyledButton */',
      '/* Button */',
    ]);
  });

  it("refuses a component file that styles.css does not contain (Mantine's layout changed)", () => {
    expect(() => trimmedStyles(full, new Map([['Tabs', '/* Tabs */']]), new Set(['Tabs']))).toThrow(
      /Tabs\.css is not part of styles\.css/,
    );
  });

  it("with every component, is Mantine's whole styles.css (the installed version)", () => {
    const require = createRequire(import.meta.url);
    const stylesFile = require.resolve('@mantine/core/styles.css');
    const dir = join(dirname(stylesFile), 'styles');
    const all = new Map(
      readdirSync(dir)
        .filter((f) => f.endsWith('.css') && !f.endsWith('.layer.css'))
        .map((f) => [f.slice(0, -4), readFileSync(join(dir, f), 'utf8')]),
    );
    const css = trimmedStyles(readFileSync(stylesFile, 'utf8'), all, new Set(all.keys()));
    const squash = (s: string) => s.replace(/\s+/g, '');
    expect(squash(css)).toBe(squash(readFileSync(stylesFile, 'utf8')));
  });
});
