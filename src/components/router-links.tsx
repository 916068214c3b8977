/**
 * Mantine's Anchor and Button as typed router links: `component={Link}` on a Mantine component loses
 * the router's param and search types, `createLink` keeps them (TanStack Router's Mantine recipe).
 * Links preload the target route's chunk on hover or focus.
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
