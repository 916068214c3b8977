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
            <span aria-hidden="true" style={{ fontSize: 12 }}>
              {copied ? '✓' : '⧉'}
            </span>
          </ActionIcon>
        </Tooltip>
      )}
    </MantineCopyButton>
  );
}
