import { notifications } from '@mantine/notifications';

/**
 * The one way to show a toast, with a named close button (Mantine's has no accessible name, an axe
 * "button-name" failure). Only for confirmations: failures are shown on the page, next to a retry.
 */
export function notify(message: string, color: 'teal' | 'yellow' | 'red' = 'teal', title?: string) {
  notifications.show({
    color,
    title,
    message,
    closeButtonProps: { 'aria-label': 'Dismiss notification' },
  });
}
