import { ActionIcon, CopyButton as MantineCopyButton, Tooltip } from '@mantine/core';

interface CopyButtonProps {
  value: string;
  /** What is copied, for the accessible name: "Copy entity id". */
  label: string;
}

/** A small icon button that copies `value` and says so. */
export function CopyButton({ value, label }: CopyButtonProps) {
  return (
    <MantineCopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label} withArrow>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            size="sm"
            onClick={(e) => {
              // Inside clickable table rows the copy must not also open the row.
              e.stopPropagation();
              copy();
            }}
            aria-label={copied ? `${label}: copied` : label}
          >
            {copied ? <CheckIcon /> : <CopyIcon />}
          </ActionIcon>
        </Tooltip>
      )}
    </MantineCopyButton>
  );
}

// Inline icons: a glyph such as ⧉ is missing from some system fonts and shows as a box.
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
