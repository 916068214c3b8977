import type { IntegrationConfig } from '../../api';

export type ConfigHealth =
  'healthy' | 'disabled' | 'unauthorized' | 'disabled-unauthorized' | 'unknown';

/** One word for the state m3ter reports (`enabled`, `authorized`). */
export function healthOf(config: IntegrationConfig): ConfigHealth {
  const { enabled, authorized } = config;
  if (enabled === false && authorized === false) return 'disabled-unauthorized';
  if (enabled === false) return 'disabled';
  if (authorized === false) return 'unauthorized';
  if (enabled === true && authorized === true) return 'healthy';
  return 'unknown';
}

/** A sentence that says what the state means for Bills or Notifications, and what to do about it. */
export function explainHealth(config: IntegrationConfig): { title: string; detail: string } {
  const what = config.entityType === 'Notification' ? 'Notifications' : `${config.entityType}s`;
  const where = config.destination;
  switch (healthOf(config)) {
    case 'healthy':
      return {
        title: 'Healthy',
        detail: `Enabled and authorized: new ${what} are sent to ${where}.`,
      };
    case 'disabled':
      return {
        title: 'Disabled: nothing is being sent',
        detail: `m3ter stops an integration after repeated failures. Until it is enabled again, ${what} are not sent to ${where}. Check its recent runs for the cause, fix it, then enable it.`,
      };
    case 'unauthorized':
      return {
        title: 'Not authorized: runs will fail',
        detail: `The credentials for ${where} are missing, expired or revoked, so runs end in "Auth failed". Edit the configuration to use other credentials (a credentials id, or new credentials).`,
      };
    case 'disabled-unauthorized':
      return {
        title: 'Disabled and not authorized',
        detail: `m3ter stopped this integration, and its credentials for ${where} are not valid. Fix the credentials first (Edit), then enable it; otherwise it fails again.`,
      };
    default:
      return {
        title: 'State unknown',
        detail: 'm3ter did not say whether this configuration is enabled and authorized.',
      };
  }
}
