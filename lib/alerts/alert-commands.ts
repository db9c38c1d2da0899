/**
 * The alerts' messages: the popup's digest (and opening a customer from it),
 * and the agent's settings in Options.
 */
import { z } from 'zod';
import { commandsFor, HandlerError } from '@/lib/messaging/commands';
import { alertEventSchema } from './alert-log';
import { alertSettingsSchema, type AlertSettings } from './alert-settings';
import type { AlertDigest } from './digest';

export interface AlertCommandDeps {
  alerts: {
    digest: () => Promise<AlertDigest>;
    open: (eventId: string) => Promise<boolean>;
  };
  alertSettings: { get: () => Promise<AlertSettings>; set: (value: AlertSettings) => Promise<void> };
}

const command = commandsFor<AlertCommandDeps>();

const count = z.number().int().nonnegative();
const alertDigestSchema = z.object({ roseTo5: count, roseTo4: count, overdue: count, heldBack: count, latest: z.array(alertEventSchema) });

export const alertCommands = {
  /** Popup → background: the last 24 hours of alerts. */
  getAlertDigest: command({
    request: z.strictObject({}),
    response: alertDigestSchema,
    audience: 'extension',
    handle: (_request, deps) => deps.alerts.digest(),
  }),

  /** Popup → background: open an alerted customer's CRM page, as the notification's click does. */
  openAlert: command({
    request: z.strictObject({ id: z.string().min(1).max(64) }),
    response: z.null(),
    audience: 'extension',
    async handle({ id }, deps) {
      if (!(await deps.alerts.open(id))) throw new HandlerError('not-found', 'This alert is no longer kept (alerts are kept for 8 days).');
      return null;
    },
  }),

  getAlertSettings: command({
    request: z.strictObject({}),
    response: z.object({ settings: alertSettingsSchema }),
    audience: 'extension',
    handle: async (_request, deps) => ({ settings: await deps.alertSettings.get() }),
  }),

  /** Options → background: the agent's settings (the page asked for the notifications permission first when turning alerts on). */
  saveAlertSettings: command({
    request: z.strictObject({ settings: alertSettingsSchema }),
    response: z.object({ settings: alertSettingsSchema }),
    audience: 'extension',
    async handle({ settings }, deps) {
      await deps.alertSettings.set(settings);
      return { settings };
    },
  }),
};
