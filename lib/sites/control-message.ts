/** Background → content script of a site just disabled: stop scanning now (badges go with the next reload). */
export const STOP_MESSAGE = { channel: 'churn-radar-control', type: 'stop' } as const;

export function isStopMessage(message: unknown): boolean {
  const m = message as { channel?: unknown; type?: unknown } | null;
  return typeof m === 'object' && m !== null && m.channel === STOP_MESSAGE.channel && m.type === STOP_MESSAGE.type;
}
