import { describe, expect, it } from 'vitest';
import { contact, history, indicators, note, order, settings, ticket } from './helpers';

const withCompetitors = settings({}, { competitors: ['Acme', '竞品A'] });

describe('competition: mentions and price sensitivity in texts', () => {
  const v = indicators(
    history({
      activities: [
        note(5, 'Says Acme is cheaper'),
        ticket(20, 'Open', '客户提到竞品A，要求打折'),
        contact(30, 'Thinking about switching to another provider'),
        note(40, 'Happy with the service'),
      ],
    }),
    withCompetitors,
  );

  it('counts texts naming a competitor or talking about switching, and names them in order of first mention', () => {
    expect(v.competitor_mentions).toMatchObject({
      value: 3,
      display: '3 mentions: 竞品A, Acme',
      direction: 'raises',
      meaning: { en: '3 notes mention competitors (竞品A, Acme) or switching', zh: '3条记录提到竞争对手（竞品A、Acme）或更换供应商' },
    });
  });

  it('counts discount requests', () => {
    expect(v.discount_requests).toMatchObject({ value: 2, display: '2 requests', direction: 'raises', meaning: { zh: '2条记录要求折扣或嫌价格高' } });
  });

  it('texts with neither are zero and neutral, not unknown', () => {
    const quiet = indicators(history({ activities: [note(5, 'Happy with the service')] }), withCompetitors);
    expect(quiet.competitor_mentions).toMatchObject({
      value: 0,
      display: '0 mentions',
      direction: 'neutral',
      meaning: { en: 'No competitor or switching talk in 1 note' },
    });
    expect(quiet.discount_requests).toMatchObject({ value: 0, direction: 'neutral' });
  });

  it('without any text there is nothing to read: not available', () => {
    const v2 = indicators(history({ activities: [order(5, 10, { text: 'Acme discount bundle' })] }), withCompetitors);
    expect(v2.competitor_mentions!.value).toBeNull(); // order texts are product names, not conversation
    expect(v2.discount_requests!.value).toBeNull();
  });

  it('switching talk counts even with no competitor list', () => {
    const one = indicators(history({ activities: [note(5, '客户考虑换成别家，嫌太贵')] }));
    expect(one.competitor_mentions).toMatchObject({
      value: 1,
      display: '1 mention',
      meaning: { en: '1 note mentions competitors or switching', zh: '1条记录提到竞争对手或更换供应商' },
    });
    expect(one.discount_requests!.meaning!.en).toBe('1 note asks for a discount or finds the price too high');
  });
});

describe('competition: current discount field', () => {
  it.each([
    ['10%', 0.1, 'Currently on a 10 % discount', '当前享受10%折扣'],
    ['0.15', 0.15, 'Currently on a 15 % discount', '当前享受15%折扣'],
    ['0%', 0, 'No current discount', '当前没有折扣'],
  ])('%s', (text, value, en, zh) => {
    expect(indicators(history({ fields: { Discount: text } })).current_discount).toMatchObject({
      value,
      display: text,
      direction: 'neutral',
      meaning: { en, zh },
    });
  });

  it('a bare number above 1 could be a percentage or money off: not read', () => {
    expect(indicators(history({ fields: { 折扣: '10' } })).current_discount!.value).toBeNull();
  });
});
