/**
 * Mantine's coloured text on its own light tints is under WCAG AA (about 3.5–4:1): badges and alert
 * titles keep the body text colour and let the tint carry the colour, in light and dark schemes.
 */
export const READABLE_TEXT = 'var(--mantine-color-text)';
export const READABLE_TITLE = { title: { color: READABLE_TEXT } } as const;
