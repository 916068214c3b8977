import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Shade 8 keeps white-on-primary text above WCAG AA contrast (shade 6 is 3.56:1; see TOOLCHAIN P10).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  defaultRadius: 'sm',
});

// Mantine's default "dimmed" greys fail WCAG AA for small text (3.3:1 on white); one step stronger passes.
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057' },
  dark: { '--mantine-color-dimmed': t.colors.dark[1] ?? '#b8b8b8' },
});
