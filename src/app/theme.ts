import { createTheme } from '@mantine/core';

// Shade 8 keeps white-on-primary text above WCAG AA contrast (shade 6 is 3.56:1; see TOOLCHAIN P10).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  defaultRadius: 'sm',
});
