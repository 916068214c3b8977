import type { ReactNode } from 'react';
import classes from './safe-external-link.module.css';

/** Only http(s) URLs from API data become links; anything else (javascript:, data:) is shown as text. */
function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

interface SafeExternalLinkProps {
  href: string | null | undefined;
  children?: ReactNode;
}

export function SafeExternalLink({ href, children }: SafeExternalLinkProps) {
  const safe = safeHttpUrl(href);
  if (!safe) {
    return href ? (
      <span className={classes.notALink} title="Not an http(s) link, so it is not opened">
        {href}
      </span>
    ) : null;
  }
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer" className={classes.link}>
      {children ?? safe}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
