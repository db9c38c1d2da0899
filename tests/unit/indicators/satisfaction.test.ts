import { describe, expect, it } from 'vitest';
import { csatShare } from '@/lib/indicators/satisfaction';
import { history, indicators, note, payment, ticket } from './helpers';

const MINUS = '\u2212';

describe('satisfaction: tickets', () => {
  const v = indicators(
    history({ activities: [ticket(10, 'Open', 'App is broken, very frustrated'), ticket(50, 'Resolved'), ticket(120, 'Closed'), ticket(150, 'Pending')] }),
  );

  it('counts tickets: four raise risk', () => {
    expect(v.ticket_count).toMatchObject({
      value: 4,
      display: '4 tickets',
      direction: 'raises',
      meaning: { en: '4 support tickets so far', zh: '累计4个工单' },
    });
  });

  it('two tickets in the recent window raise risk even with a flat trend', () => {
    expect(v.tickets_recent).toMatchObject({
      value: 2,
      display: '2 in 90 days',
      trend: 'flat',
      direction: 'raises',
      meaning: { en: '2 tickets in the last 90 days (2 in the 90 days before)', zh: '近90天2个工单（前90天2个）' },
    });
  });

  it('open and pending tickets are unresolved; resolved and closed are not', () => {
    expect(v.unresolved_tickets).toMatchObject({
      value: 2,
      display: '2 open',
      direction: 'raises',
      meaning: { en: '2 of 4 tickets still open', zh: '4个工单中2个未解决' },
    });
  });

  it('reads the tone of ticket texts', () => {
    expect(v.sentiment).toMatchObject({
      value: -1,
      display: `negative (${MINUS}1.00)`,
      direction: 'raises',
      trend: null,
      meaning: { en: 'Notes and tickets read negative: 0 positive vs 2 negative phrases in 1 text', zh: '备注与工单语气负面：1条文本中正面0处、负面2处' },
    });
  });

  it('"Unresolved" is open, "已解决" is resolved, an unknown status is not counted', () => {
    const w = indicators(history({ activities: [ticket(5, 'Unresolved'), ticket(6, '已解决'), ticket(7, 'Waiting on customer'), ticket(8, 'Triaged')] }));
    expect(w.unresolved_tickets).toMatchObject({ value: 2, meaning: { en: '2 of 3 tickets still open' } });
  });

  it('all resolved lowers risk', () => {
    expect(indicators(history({ activities: [ticket(5, 'Closed')] })).unresolved_tickets).toMatchObject({
      value: 0,
      direction: 'lowers',
      meaning: { en: 'All 1 ticket resolved' },
    });
  });

  it('the CRM’s ticket count wins; an empty ticket list means zero; no list means unknown', () => {
    expect(indicators(history({ fields: { Tickets: '7' } })).ticket_count).toMatchObject({ value: 7, display: '7', direction: 'raises' });
    const none = indicators(history({ shown: ['ticket'] }));
    expect(none.ticket_count).toMatchObject({ value: 0, display: '0 tickets', direction: 'lowers' });
    expect(none.tickets_recent).toMatchObject({ value: 0, direction: 'lowers', trend: null });
    expect(none.unresolved_tickets!.value).toBeNull();
    const unknown = indicators(history());
    for (const id of ['ticket_count', 'tickets_recent', 'unresolved_tickets', 'sentiment']) expect(unknown[id]!.value, id).toBeNull();
  });

  it('more tickets than in the window before raise risk', () => {
    expect(indicators(history({ activities: [ticket(5), ticket(100)] })).tickets_recent).toMatchObject({ value: 1, trend: 'flat', direction: 'neutral' });
    expect(indicators(history({ activities: [ticket(5), ticket(200)] })).tickets_recent).toMatchObject({ value: 1, trend: 'up', direction: 'raises' });
  });
});

describe('satisfaction: CSAT and NPS fields', () => {
  it.each([
    ['4.5', 'lowers', 'Satisfaction 4.5 out of 5', '满意度4.5（满分5）'],
    ['2', 'raises', 'Satisfaction 2 out of 5', '满意度2（满分5）'],
    ['7', 'neutral', 'Satisfaction 7 out of 10', '满意度7（满分10）'],
    ['85%', 'lowers', 'Satisfaction 85%', '满意度85%'],
    ['55', 'raises', 'Satisfaction 55 out of 100', '满意度55（满分100）'],
  ])('CSAT %s → %s', (text, direction, en, zh) => {
    expect(indicators(history({ fields: { CSAT: text } })).csat).toMatchObject({ display: text, direction, meaning: { en, zh } });
  });

  it('CSAT outside every usual scale, or not a number, is not available', () => {
    expect(indicators(history({ fields: { CSAT: '150' } })).csat!.value).toBeNull();
    expect(indicators(history({ fields: { 满意度: 'great' } })).csat!.value).toBeNull();
  });

  it('csatShare picks the smallest scale that holds the value', () => {
    expect(csatShare(5, false)).toEqual({ share: 1, scale: '5' });
    expect(csatShare(100, false)).toEqual({ share: 1, scale: '100' });
    expect(csatShare(0.5, true)).toEqual({ share: 0.5, scale: '%' });
    expect(csatShare(1.5, true)).toBeNull();
    expect(csatShare(-1, false)).toBeNull();
  });

  it.each([
    ['9', 9, 'lowers', 'Likelihood to recommend 9/10 (promoter)', '推荐意愿9分（推荐者）'],
    ['6', 6, 'raises', 'Likelihood to recommend 6/10 (detractor)', '推荐意愿6分（贬损者）'],
    ['8', 8, 'neutral', 'Likelihood to recommend 8/10 (passive)', '推荐意愿8分（中立者）'],
  ])('NPS %s', (text, value, direction, en, zh) => {
    expect(indicators(history({ fields: { NPS: text } })).nps).toMatchObject({ value, display: `${value}/10`, direction, meaning: { en, zh } });
  });

  it('an NPS outside 0–10 is a company score, not this customer’s answer', () => {
    expect(indicators(history({ fields: { NPS: '-20' } })).nps!.value).toBeNull();
    expect(indicators(history({ fields: { NPS: '11' } })).nps!.value).toBeNull();
  });
});

describe('satisfaction: sentiment over notes and tickets', () => {
  it('scores all texts together and trends recent against earlier texts', () => {
    const v = indicators(history({ activities: [note(10, 'Customer is not happy'), note(120, 'Great support, thanks')] }));
    expect(v.sentiment).toMatchObject({ value: 0.33, display: 'positive (+0.33)', direction: 'lowers', trend: 'down' });
  });

  it('texts without opinion words are neutral, not missing', () => {
    expect(indicators(history({ activities: [note(10, 'Called about the invoice')] })).sentiment).toMatchObject({
      value: 0,
      display: 'neutral (0.00)',
      direction: 'neutral',
      meaning: { en: 'No opinion words in 1 note or ticket', zh: '1条备注与工单中没有明显的情绪词' },
    });
  });

  it('payment texts are not read for tone', () => {
    expect(indicators(history({ activities: [payment(5, 'Failed', 'terrible')] })).sentiment!.value).toBeNull();
  });
});

describe('satisfaction: support services', () => {
  it('having the service lowers risk, not having it raises it', () => {
    const v = indicators(history({ fields: { TechSupport: 'Yes', OnlineSecurity: 'No' } }));
    expect(v.tech_support).toMatchObject({ value: 'yes', display: 'Yes', direction: 'lowers', meaning: { en: 'Has tech support' } });
    expect(v.online_security).toMatchObject({ value: 'no', direction: 'raises', meaning: { zh: '未开通网络安全服务' } });
  });

  it('"No internet service" is not a yes/no answer', () => {
    expect(indicators(history({ fields: { TechSupport: 'No internet service' } })).tech_support!.value).toBeNull();
  });
});
