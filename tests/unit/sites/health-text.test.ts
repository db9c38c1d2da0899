import { describe, expect, it } from 'vitest';
import { statusHintKey, statusKey, warningText } from '@/lib/sites/health-text';

const t = (key: string, subs?: string[]) => `${key}(${(subs ?? []).join('|')})`;

describe('health text', () => {
  it('puts the page and figures into the warning', () => {
    expect(warningText({ kind: 'no-customers', pageKey: '/accounts', previously: 20 }, t)).toBe('popup.warning.no_customers(/accounts|20)');
    expect(warningText({ kind: 'field-missing', pageKey: '/a/:id', label: 'Monthly fee' }, t)).toBe('popup.warning.field_missing(Monthly fee|/a/:id)');
  });
  it('maps statuses to locale keys', () => {
    expect(statusKey('ok')).toBe('healthState.status.ok');
    expect(statusKey('never-read')).toBe('healthState.status.never_read');
    expect(statusKey('no-data')).toBe('healthState.status.no_data');
    expect(statusHintKey('none-recent')).toBe('healthState.hint.none_recent');
    expect(statusHintKey('ok')).toBeNull();
  });
});
