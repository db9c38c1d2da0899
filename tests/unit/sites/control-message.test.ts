import { describe, expect, it } from 'vitest';
import { isStopMessage, STOP_MESSAGE } from '@/lib/sites/control-message';

describe('stop message', () => {
  it('is recognised, and nothing else is', () => {
    expect(isStopMessage(STOP_MESSAGE)).toBe(true);
    expect(isStopMessage({ ...STOP_MESSAGE })).toBe(true);
    for (const other of [null, undefined, 'stop', { channel: 'churn-radar', type: 'stop' }, { channel: 'churn-radar-control', type: 'go' }])
      expect(isStopMessage(other)).toBe(false);
  });
});
