import { storage } from 'wxt/utils/storage';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from './alert-settings';
import { EMPTY_ALERT_STATE, type AlertState } from './alert-log';

/** The agent's alert settings (this browser's; Options → Risk & tiers → Alerts). */
export const alertSettingsItem = storage.defineItem<AlertSettings>('local:alertSettings', { fallback: DEFAULT_ALERT_SETTINGS, version: 1 });

/** The alert log, the rise ledger, the day's count and the due-check mark (lib/alerts/alert-log.ts). */
export const alertStateItem = storage.defineItem<AlertState>('local:alertState', { fallback: EMPTY_ALERT_STATE, version: 1 });
