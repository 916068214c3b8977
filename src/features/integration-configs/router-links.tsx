/**
 * Mantine Anchor and Button as typed router links (`createLink`, TanStack Router's Mantine recipe):
 * `component={Link}` on a Mantine component loses the param and search types. Same as the runs
 * feature's copy; both belong in components/ (features may not import each other).
 */
import { Anchor, Button, type AnchorProps, type ButtonProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

type MantineAnchorProps = Omit<AnchorProps, 'href'> & AnchorHTMLAttributes<HTMLAnchorElement>;

const MantineAnchor = forwardRef<HTMLAnchorElement, MantineAnchorProps>((props, ref) => (
  <Anchor ref={ref} {...props} />
));
MantineAnchor.displayName = 'MantineAnchor';

const CreatedAnchorLink = createLink(MantineAnchor);

export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
);

type MantineButtonAnchorProps = Omit<ButtonProps, 'href'> &
  Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color'>;

const MantineButtonAnchor = forwardRef<HTMLAnchorElement, MantineButtonAnchorProps>(
  (props, ref) => <Button ref={ref} component="a" {...props} />,
);
MantineButtonAnchor.displayName = 'MantineButtonAnchor';

const CreatedButtonLink = createLink(MantineButtonAnchor);

export const ButtonLink: LinkComponent<typeof MantineButtonAnchor> = (props) => (
  <CreatedButtonLink preload="intent" {...props} />
);
