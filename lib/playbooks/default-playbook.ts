import type { Tier } from '../domain';

export type Locale = 'en' | 'zh';

export interface ScriptTemplate {
  id: string;
  /** Retention strategy, from the product research. */
  strategy: 'nurture' | 'check-in' | 'care-call' | 'personalised-offer' | 'account-manager';
  text: Record<Locale, string>;
}

/**
 * The first playbook: one script per tier, escalating from nurture to an
 * account-manager rescue. Variables: {name}, {topReason}, {tenure}, {plan}, {monthlyValue}.
 * Later work adds rules by churn pattern and driver category.
 */
export const DEFAULT_SCRIPTS_BY_TIER: Record<Tier, ScriptTemplate> = {
  1: {
    id: 'tier1-nurture',
    strategy: 'nurture',
    text: {
      en: 'No action needed. At the next routine touchpoint, thank {name} for being a customer and mention one feature of their {plan} plan they may not use yet.',
      zh: '暂无需行动。下次例行联系时，感谢{name}的支持，并介绍其{plan}套餐中一项可能尚未使用的功能。',
    },
  },
  2: {
    id: 'tier2-check-in',
    strategy: 'check-in',
    text: {
      en: 'Hi {name}, just checking in to make sure everything is working well for you. Is there anything we could do better?',
      zh: '{name}您好，想跟您确认一下最近使用是否顺利？有什么我们可以做得更好的地方吗？',
    },
  },
  3: {
    id: 'tier3-care-call',
    strategy: 'care-call',
    text: {
      en: 'Hi {name}, I am calling to make sure you get the most out of your {plan} plan. I noticed this: {topReason}. Could we take ten minutes to go through it together and see what would help?',
      zh: '{name}您好，我来电是想确保您充分用好{plan}套餐。我注意到：{topReason}。能否占用您十分钟，一起看看怎样能帮到您？',
    },
  },
  4: {
    id: 'tier4-personalised-offer',
    strategy: 'personalised-offer',
    text: {
      en: 'Hi {name}, thank you for {tenure} with us. We value your business, and I can offer you a better rate if you move to a longer contract, or add a service at no cost for three months. Which would suit you better?',
      zh: '{name}您好，感谢您{tenure}以来的支持。我们很珍惜与您的合作：如果您改签更长期的合同，可以享受更优惠的价格；或者为您免费开通一项服务三个月。您更倾向哪一种？',
    },
  },
  5: {
    id: 'tier5-account-manager',
    strategy: 'account-manager',
    text: {
      en: 'Escalate today: ask the account manager to call {name} within 24 hours. Open with: "I want to make sure we are getting things right for you." Main risk: {topReason}. Be ready with a retention offer on the {monthlyValue} monthly fee.',
      zh: '今天升级处理：请客户经理在 24 小时内致电{name}。开场白：“我想确认我们为您提供的服务是否到位。”主要风险：{topReason}。准备好针对 {monthlyValue} 月费的挽留优惠。',
    },
  },
};

export function localeOf(uiLanguage: string): Locale {
  return uiLanguage.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
