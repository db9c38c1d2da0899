import type { Playbook, ScriptTemplate } from './types';

export type { Locale } from './types';

/**
 * The default playbook: the retention strategies a CRM team uses (personalised
 * offer, coupon, care call, membership upgrade, service recovery, onboarding,
 * win-back, account-manager visit), chosen by churn pattern first (the pattern
 * says what kind of loss it is), then by the top driver's category and the
 * tier. Variables: {name}, {tenure}, {plan}, {monthlyValue}, {orders},
 * {lastOrder}, {topReason}; `[[ … ]]` segments disappear when a variable in
 * them is unknown (lib/playbooks/template.ts).
 */
const scripts: ScriptTemplate[] = [
  {
    id: 'win-back',
    strategy: 'win-back',
    title: { en: 'Win-back', zh: '赢回' },
    message: {
      en: 'Hi {name}, we miss you. [[Since your last order {lastOrder} ]]we have improved a lot, and we would love to have you back: here is a welcome-back offer for your first month. Reply to this message and I will set it up for you.',
      zh: '{name}您好，我们很想念您。[[自您{lastOrder}的上一笔订单以来，]]我们做了很多改进，诚挚邀请您回来：首月为您提供回归优惠。回复此消息，我来为您办理。',
    },
    call: {
      en: 'Open: "We noticed you left and want to understand why." Listen first; do not pitch. Ask what would have made them stay. If the reason is fixable, offer the welcome-back month; log the reason either way.',
      zh: '开场：“我们注意到您离开了，想了解原因。”先倾听，不要推销。询问怎样才能让您留下。若原因可以解决，提供首月回归优惠；无论结果如何都记录原因。',
    },
  },
  {
    id: 'onboarding-help',
    strategy: 'onboarding',
    title: { en: 'Onboarding help', zh: '入门协助' },
    message: {
      en: 'Hi {name}, thanks for choosing us[[ — your {plan} plan]]. Many new customers get the most value after a short setup session. Can I book 15 minutes this week to make sure everything works the way you need?',
      zh: '{name}您好，感谢您选择我们[[的{plan}套餐]]。很多新客户在一次简短的设置指导后收获最大。本周能否约15分钟，确保一切都按您的需要运行？',
    },
    call: {
      en: 'Goal: first success, not a sale. Ask what they wanted to achieve when they signed up, check they have done it once, and solve the first blocker on the call. Book a follow-up in two weeks.',
      zh: '目标：让客户获得第一次成功，而不是销售。询问签约时想实现什么，确认已完成过一次，并在通话中解决第一个障碍。预约两周后回访。',
    },
  },
  {
    id: 'account-manager-visit',
    strategy: 'account-manager',
    title: { en: 'Account manager visit', zh: '客户经理拜访' },
    message: {
      en: 'Hi {name}, I would like to meet you in person to review how things are going[[ with your {plan} plan]] and what we can do better. Would one day next week suit you?',
      zh: '{name}您好，想当面拜访您，回顾一下[[{plan}套餐的]]使用情况，以及我们可以改进的地方。下周哪天方便？',
    },
    call: {
      en: 'Escalate today: the account manager calls within 24 hours and proposes a visit. Open with "I want to make sure we are getting things right for you." Main risk: {topReason}. Prepare a retention offer[[ on the {monthlyValue} monthly value]] before the meeting.',
      zh: '今天升级处理：客户经理24小时内致电并提议拜访。开场白：“我想确认我们为您提供的服务是否到位。”主要风险：{topReason}。会面前准备好挽留方案[[（月价值{monthlyValue}）]]。',
    },
  },
  {
    id: 'retention-offer',
    strategy: 'personalised-offer',
    title: { en: 'Personalised retention offer', zh: '个性化挽留优惠' },
    message: {
      en: 'Hi {name}, thank you for[[ {tenure} of]] your business. I can offer you a better rate if you move to a longer contract, or add a service at no cost for three months. Which would suit you better?',
      zh: '{name}您好，感谢您[[{tenure}以来]]的支持。如果您改签更长期的合同，可以享受更优惠的价格；或者为您免费开通一项服务三个月。您更倾向哪一种？',
    },
    call: {
      en: 'They are comparing prices: {topReason}. Do not argue about competitors. Ask what matters most (price, service, flexibility), then make one concrete offer that fits it; confirm it by email the same day.',
      zh: '客户在比较价格：{topReason}。不要争论竞争对手。先问客户最看重什么（价格、服务、灵活性），再给出一个贴合的具体优惠，当天邮件确认。',
    },
  },
  {
    id: 'coupon',
    strategy: 'coupon',
    title: { en: 'Coupon to restart purchases', zh: '优惠券促复购' },
    message: {
      en: 'Hi {name}, we have a thank-you coupon for you: 15 % off your next order, valid for 30 days.[[ It has been a while since your last order ({lastOrder}).]] We hope to see you soon!',
      zh: '{name}您好，送您一张感谢优惠券：下一单享85折，30天内有效。[[距您上次下单（{lastOrder}）已有一段时间。]]期待您再次光临！',
    },
    call: {
      en: 'Their buying slowed: {topReason}. Ask whether their needs changed; mention the 15 % coupon and one product they bought before. Keep it short.',
      zh: '客户购买放缓：{topReason}。询问需求是否有变化；提及85折优惠券和他们以前买过的一款商品。通话保持简短。',
    },
  },
  {
    id: 'membership-upgrade',
    strategy: 'membership-upgrade',
    title: { en: 'Membership / loyalty upgrade', zh: '会员 / 忠诚度升级' },
    message: {
      en: 'Hi {name}, as a returning customer[[ with {orders} orders]] you qualify for our loyalty membership: member prices, free delivery and early access. Shall I upgrade your account?',
      zh: '{name}您好，作为老客户[[（已下单{orders}次）]]，您可以升级为忠诚会员：会员价、免运费、新品抢先购。需要为您升级账户吗？',
    },
    call: {
      en: 'Thank them for coming back over time. Explain the membership in one sentence and what they would have saved last year. Upgrade on the call if they agree.',
      zh: '感谢客户长期的回购。用一句话介绍会员权益，以及去年本可节省多少。客户同意即当场升级。',
    },
  },
  {
    id: 'service-recovery',
    strategy: 'service-recovery',
    title: { en: 'Service recovery call', zh: '服务补救回访' },
    message: {
      en: 'Hi {name}, I am sorry about the trouble you have had recently. I have looked into it personally and would like to make it right. When is a good time for a short call?',
      zh: '{name}您好，很抱歉您最近遇到了问题。我已亲自跟进，希望能为您妥善解决。什么时候方便简短通个电话？',
    },
    call: {
      en: 'Apologise first and own it. Recap the issue ({topReason}), say what has been fixed and what will happen next, with a date. Offer a goodwill gesture if the issue cost them time or money. Follow up in writing.',
      zh: '先道歉并承担责任。复述问题（{topReason}），说明已解决的部分和后续安排及日期。若问题让客户损失了时间或金钱，提供补偿。之后书面跟进。',
    },
  },
  {
    id: 'care-call',
    strategy: 'care-call',
    title: { en: 'Care call', zh: '关怀回访' },
    message: {
      en: 'Hi {name}, I wanted to check that you are getting the most out of[[ your {plan} plan]] our service. Is there anything we could do better for you?',
      zh: '{name}您好，想确认您是否充分用好了[[{plan}套餐]]我们的服务。有什么我们可以做得更好的地方吗？',
    },
    call: {
      en: 'A check-in, not a sales call. I noticed: {topReason}. Ask one open question about how things are going, listen, and agree on one small next step.',
      zh: '这是关怀回访，不是销售电话。我注意到：{topReason}。问一个开放式问题了解近况，认真倾听，约定一个小的下一步。',
    },
  },
  {
    id: 'nurture',
    strategy: 'nurture',
    title: { en: 'Nurture', zh: '日常维护' },
    message: {
      en: 'Hi {name}, thank you for being a customer[[ for {tenure}]]. Here is one tip to get more from[[ your {plan} plan]] our service this month.',
      zh: '{name}您好，感谢您[[{tenure}以来]]的支持。这里有一个小建议，帮助您本月更好地使用[[{plan}套餐]]我们的服务。',
    },
    call: {
      en: 'No action needed now. At the next routine touchpoint, thank them and mention one feature they may not use yet.',
      zh: '暂无需行动。下次例行联系时表示感谢，并介绍一项他们可能尚未使用的功能。',
    },
  },
];

export const DEFAULT_PLAYBOOK: Playbook = {
  format: 'churn-radar-playbook',
  version: 1,
  fallbackScriptId: 'nurture',
  scripts,
  rules: [
    {
      id: 'churned-win-back',
      enabled: true,
      when: { patterns: ['already_churned'] },
      scriptId: 'win-back',
      note: { en: 'Already gone: win them back.', zh: '已经流失：尝试赢回。' },
    },
    {
      id: 'trial-onboarding',
      enabled: true,
      when: { patterns: ['trial_failure'] },
      scriptId: 'onboarding-help',
      note: { en: 'Never got going: help them succeed once.', zh: '没能真正用起来：帮助客户获得第一次成功。' },
    },
    {
      id: 'high-value-visit',
      enabled: true,
      when: { patterns: ['high_value_sudden_drop'] },
      scriptId: 'account-manager-visit',
      note: { en: 'A high-value customer dropped suddenly: a person, not an email.', zh: '高价值客户骤降：需要面对面沟通，而不是邮件。' },
    },
    {
      id: 'price-offer',
      enabled: true,
      when: { tiers: [4, 5], drivers: ['competition', 'financial'] },
      scriptId: 'retention-offer',
      note: { en: 'High risk driven by price or competitors: a retention offer.', zh: '高风险且由价格或竞争驱动：提供挽留优惠。' },
    },
    {
      id: 'service-recovery',
      enabled: true,
      when: { tiers: [3, 4, 5], drivers: ['satisfaction'] },
      scriptId: 'service-recovery',
      note: { en: 'Unhappy with the service: recover it first.', zh: '对服务不满：先补救服务。' },
    },
    {
      id: 'critical-visit',
      enabled: true,
      when: { tiers: [5] },
      scriptId: 'account-manager-visit',
      note: { en: 'Critical risk: escalate to the account manager.', zh: '极高风险：升级给客户经理。' },
    },
    {
      id: 'repeat-membership',
      enabled: true,
      when: { tiers: [3, 4], patterns: ['after_repeat_purchase', 'gradual_decline'] },
      scriptId: 'membership-upgrade',
      note: { en: 'A repeat buyer fading: reward loyalty.', zh: '复购客户在减少：奖励忠诚。' },
    },
    {
      id: 'spend-coupon',
      enabled: true,
      when: { tiers: [3, 4], drivers: ['consumption'] },
      scriptId: 'coupon',
      note: { en: 'Buying less: a coupon to restart.', zh: '购买减少：用优惠券促复购。' },
    },
    {
      id: 'high-offer',
      enabled: true,
      when: { tiers: [4] },
      scriptId: 'retention-offer',
      note: { en: 'High risk: a personalised offer.', zh: '高风险：个性化优惠。' },
    },
    {
      id: 'moderate-care',
      enabled: true,
      when: { tiers: [2, 3] },
      scriptId: 'care-call',
      note: { en: 'Some risk: a care call.', zh: '有一定风险：关怀回访。' },
    },
  ],
};

export function localeOf(uiLanguage: string): 'en' | 'zh' {
  return uiLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
