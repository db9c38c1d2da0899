import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserPolicyDeps } from '@/lib/background/policy-targets';
import type { ModelProvider } from '@/lib/background/model-provider';
import { dateOrderItem } from '@/lib/mapping/date-order-item';
import { exportMappingFile } from '@/lib/mapping/mapping-file';
import { fieldMappingsItem } from '@/lib/mapping/mapping-item';

const A = 'https://crm.a.example';
const B = 'https://crm.b.example';

describe('a team policy’s mapping file, as the background stores it', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores its sites’ date orders with its labels, and keeps the user’s other sites', async () => {
    const target = browserPolicyDeps({} as ModelProvider, () => undefined).targets.fieldMapping!;
    await dateOrderItem.setValue({ [A]: 'mdy', [B]: 'mdy' });
    const file = exportMappingFile({ [A]: { fields: { Seen: 'last_activity' }, updatedAt: 0 } }, 0, undefined, {}, { [A]: 'dmy' });
    await target.write(await target.desired(file, await target.read()));
    expect(await dateOrderItem.getValue()).toEqual({ [A]: 'dmy', [B]: 'mdy' });
    expect((await fieldMappingsItem.getValue())[A]?.fields).toEqual({ Seen: 'last_activity' });
  });
});
