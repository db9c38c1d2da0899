import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actionIconPaths, actionIconStateFor, MANIFEST_ICONS, type ActionIconState } from '@/lib/sites/action-icon';

describe('toolbar icon', () => {
  it('shows a problem only for a warning; other statuses of an enabled site read as on', () => {
    expect(actionIconStateFor('warning')).toBe('problem');
    expect(actionIconStateFor('ok')).toBe('on');
    expect(actionIconStateFor('no-data')).toBe('on');
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
