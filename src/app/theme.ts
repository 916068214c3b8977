import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Shade 8 keeps white-on-primary text above WCAG AA contrast (shade 6 is 3.56:1; see TOOLCHAIN P10).
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
  defaultRadius: 'sm',
  components: {
    // Mantine's toast close button has no accessible name of its own.
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } },
    // A modal's <header> would be a second "banner" landmark (axe), and its close button is unnamed.
    Modal: {
      defaultProps: {
        attributes: { header: { role: 'none' } },
        closeButtonProps: { 'aria-label': 'Close dialog' },
      },
    },
  },
});

/** Colours whose filled variant carries white text: shade 8 of these is below 4.5:1. */
const FILLED_NEEDS_SHADE_9 = ['red', 'teal', 'green', 'orange', 'cyan', 'grape', 'pink', 'violet'];

/**
 * Mantine's defaults fail WCAG AA for small text in a few places axe checks: "dimmed" grey (3.3:1 on
 * white), coloured text on light tints (alerts, light badges), the error red, and white text on some
 * filled colours. One step stronger passes, for every screen at once.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-error': t.colors.red[9] ?? '#c92a2a',
  };
  const dark: Record<string, string> = {
    '--mantine-color-dimmed': t.colors.dark[1] ?? '#b8b8b8',
  };
  for (const [name, shades] of Object.entries(t.colors)) {
    if (name === 'dark' || !shades[9]) continue;
    light[`--mantine-color-${name}-light-color`] = shades[9];
    if (FILLED_NEEDS_SHADE_9.includes(name)) {
      light[`--mantine-color-${name}-filled`] = shades[9];
      dark[`--mantine-color-${name}-filled`] = shades[9];
    }
  }
  return { variables: {}, light, dark };
};
