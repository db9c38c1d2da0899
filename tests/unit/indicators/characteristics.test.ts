import { describe, expect, it } from 'vitest';
import { ageBand } from '@/lib/indicators/characteristics';
import { history, indicators, order } from './helpers';

describe('characteristics', () => {
  it.each([
    [17, 'under 18'],
    [18, '18–24'],
    [24, '18–24'],
    [24.5, '18–24'],
    [25, '25–34'],
    [64, '55–64'],
    [65, '65+'],
    [120, '65+'],
    [121, null],
    [-1, null],
  ])('age %d → %s', (age, band) => {
    expect(ageBand(age)).toBe(band);
  });

  it('reads segment, region, age band and senior as neutral context', () => {
    const v = indicators(history({ fields: { Segment: 'SMB', 地区: '华东', Age: '29', SeniorCitizen: '1' } }));
    expect(v.segment).toMatchObject({ value: 'SMB', direction: 'neutral', meaning: { en: 'Segment: SMB', zh: '客户分群：SMB' } });
    expect(v.region).toMatchObject({ value: '华东', direction: 'neutral', meaning: { zh: '地区：华东' } });
    expect(v.age_band).toMatchObject({ value: '25–34', display: '25–34', direction: 'neutral', meaning: { en: 'Age band 25–34', zh: '年龄段25–34岁' } });
    expect(v.senior).toMatchObject({ value: 'yes', display: '1', direction: 'neutral', meaning: { en: 'Senior citizen' } });
  });

  it('an age that is not a plausible age gives no band', () => {
    expect(indicators(history({ fields: { Age: '240' } })).age_band!.value).toBeNull();
    expect(indicators(history({ fields: { Age: '70' } })).age_band).toMatchObject({ value: '65+', meaning: { zh: '年龄段65岁及以上' } });
  });

  it('preferred product: the most frequent order text, ties to the most recent', () => {
    const v = indicators(history({ activities: [order(50, 1, { text: 'Jazz' }), order(30, 1, { text: 'Rock' }), order(10, 1, { text: 'jazz' })] }));
    expect(v.top_product).toMatchObject({
      value: 'jazz',
      direction: 'neutral',
      meaning: { en: 'Buys jazz most often (2 of 3 orders)', zh: '最常购买：jazz（3单中2单）' },
    });
    const tie = indicators(history({ activities: [order(50, 1, { text: 'Jazz' }), order(10, 1, { text: 'Rock' })] }));
    expect(tie.top_product!.value).toBe('Rock');
    expect(indicators(history({ activities: [order(50, 1, { text: 'Jazz' }), order(10, 1)] })).top_product!.value).toBeNull();
  });

  it('carries the lifecycle stage with its reason', () => {
    const v = indicators(history({ activities: [order(20, 10)] }));
    expect(v.lifecycle_stage).toMatchObject({
      value: 'new',
      direction: 'neutral',
      meaning: { en: 'Lifecycle stage new: Customer for 20 days, under one 90-day window', zh: '生命周期：新客（成为客户20天，不足一个90天窗口期）' },
    });
    expect(indicators(history()).lifecycle_stage!.value).toBeNull();
  });
});
