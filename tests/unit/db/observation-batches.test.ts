import { describe, expect, it } from 'vitest';
import { fromBatch, observationKey, toBatches } from '@/lib/db/observation-batches';
import type { ObservationRow } from '@/lib/db/schema';

const row = (crmId: string, observedAt: number, url = 'http://crm.test/list', site = 'http://crm.test'): ObservationRow => ({
  site,
  crmId,
  observedAt,
  pageKind: 'list',
  url,
  adapter: 'generic',
  name: crmId.toUpperCase(),
  fields: { id: crmId },
});

describe('observation batches', () => {
  it('groups one page sighting into one batch, and different sightings apart', () => {
    const batches = toBatches([
      row('a', 1),
      row('b', 1),
      row('a', 2),
      row('c', 1, 'http://crm.test/other'),
      row('a', 1, 'http://crm.test/list', 'http://other.test'),
    ]);
    expect(batches.map((b) => [b.site, b.observedAt, b.url, b.crmIds])).toEqual([
      ['http://crm.test', 1, 'http://crm.test/list', ['a', 'b']],
      ['http://crm.test', 2, 'http://crm.test/list', ['a']],
      ['http://crm.test', 1, 'http://crm.test/other', ['c']],
      ['http://other.test', 1, 'http://crm.test/list', ['a']],
    ]);
    expect(batches[0]!.keys).toEqual([observationKey('http://crm.test', 'a'), observationKey('http://crm.test', 'b')]);
  });

  it('gives back exactly the observations it was given, all or one customer’s', () => {
    const rows = [row('a', 1), row('b', 1)];
    const [batch] = toBatches(rows);
    expect(fromBatch(batch!)).toEqual(rows);
    expect(fromBatch(batch!, 'b')).toEqual([rows[1]]);
    expect(fromBatch(batch!, 'z')).toEqual([]);
  });
});
