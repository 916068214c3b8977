import { useEffect, useState } from 'react';
import classes from './copy-button.module.css';

interface CopyButtonProps {
  value: string;
  /** What is copied, for the accessible name and the hover hint: "Copy entity id". */
  label: string;
}

/** How long the button says "copied" (or that it could not copy) after a click. */
const OUTCOME_SHOWN_MS = 1500;

type Outcome = 'copied' | 'refused';

/**
 * A small icon button that copies `value` and says so (a check mark, and "…: copied" as its name and
 * hint). A native title instead of a Mantine Tooltip: tables show one per row, and a Tooltip sets up
 * its floating element on every render.
 */
export function CopyButton({ value, label }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), OUTCOME_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [outcome]);
  const name =
    outcome === 'copied'
      ? `${label}: copied`
      : outcome === 'refused'
        ? `${label}: the browser did not allow copying`
        : label;
  return (
    <button
      type="button"
      className={classes.button}
      data-copied={outcome === 'copied' || undefined}
      aria-label={name}
      title={name}
      onClick={(event) => {
        event.stopPropagation();
        // Clipboard access can be refused (permissions, an insecure context): then say so.
        navigator.clipboard.writeText(value).then(
          () => setOutcome('copied'),
          () => setOutcome('refused'),
        );
      }}
    >
      {outcome === 'copied' ? <CheckIcon /> : <CopyIcon />}
    </button>
  );
}

function CopyIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <rect x="9" y="9" width="12" height="12" rx="2" />
      <path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.5"
      aria-hidden="true"
    >
      <path d="M5 12l5 5L20 7" />
    </svg>
  );
}
