import { notifications } from '@mantine/notifications';
import { notify } from '../../components/notify';

/**
 * After a save: "saved", or — when what Solvimon answered differs from what was sent (docs/
 * solvimon-api.md Decision 3: the check after a save) — a note that stays until dismissed, naming the
 * fields, so nobody assumes a value landed that did not.
 */
export function notifySaved(message: string, differs: readonly string[]): void {
  if (differs.length === 0) {
    notify(message);
    return;
  }
  notifications.show({
    color: 'yellow',
    title: 'Saved, but Solvimon holds something else',
    message: `${message} Solvimon’s answer differs from what was sent for: ${differs.join(', ')}. Check them below.`,
    autoClose: false,
    closeButtonProps: { 'aria-label': 'Dismiss notification' },
  });
}
