import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEALTH_STATUSES } from '@/lib/sites/health-state';
import { actionIconPaths, actionIconStateFor, MANIFEST_ICONS, type ActionIconState } from '@/lib/sites/action-icon';

describe('toolbar icon', () => {
  it('shows a problem where reading needs the user; other statuses of an enabled site read as on', () => {
    expect(HEALTH_STATUSES.map((status) => [status, actionIconStateFor(status)])).toEqual([
      ['no-data', 'on'],
      ['never-read', 'problem'],
      ['stopped', 'problem'],
      ['field-missing', 'problem'],
      ['none-recent', 'on'],
      ['ok', 'on'],
    ]);
  });

  it.each<ActionIconState>(['on', 'off', 'problem'])('has a rendered file for every size of state %s', (state) => {
    const paths = Object.values(actionIconPaths(state));
    expect(paths).toHaveLength(3);
    for (const path of paths) expect(existsSync(`public${path}`), path).toBe(true);
  });

  it('has every manifest icon size rendered', () => {
    for (const path of Object.values(MANIFEST_ICONS)) expect(existsSync(`public/${path}`), path).toBe(true);
  });
});
