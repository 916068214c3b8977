// The printed side of `npm run bench` (scripts/bench-compare.mjs): medians and ranges, the table of
// metrics by target, and the ratios against their targets.

export const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export const percentile = (xs, p) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const fmt = (n, digits) =>
  Number.isFinite(n)
    ? n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : 'n/a';

/** "1,234 (1,100–1,400)" for samples, or one value when there is one; empty when there are none. */
export function summary(xs, digits = 0) {
  const s = xs.filter(Number.isFinite);
  if (s.length === 0) return xs.length === 0 ? '' : 'n/a';
  if (s.length === 1) return fmt(s[0], digits);
  return `${fmt(median(s), digits)} (${fmt(Math.min(...s), digits)}–${fmt(Math.max(...s), digits)})`;
}

/** Rows of [label, ...cells] under a header, columns padded to their widest cell. */
export function printTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const line = (r) =>
    r
      .map((c, i) => String(c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/**
 * One ratio against its target: `value` (a ratio or an absolute figure) must be at most `limit`
 * (plus `jitter`, for figures the browser's clock quantises). Prints n/a when a figure is missing.
 */
export function checkLine(label, value, limit, unit = '×', jitter = 0) {
  const shown = !Number.isFinite(value)
    ? 'n/a'
    : unit === '×'
      ? `${fmt(value, 2)}×`
      : `${fmt(value, 1)} ${unit}`;
  const target =
    (unit === '×' ? `≤ ${limit}×` : `≤ ${limit} ${unit}`) + (jitter > 0 ? ` (±${jitter})` : '');
  const mark = Number.isFinite(value) ? (value <= limit + jitter ? '✓' : '✗') : '?';
  return [mark, label, shown, target];
}
