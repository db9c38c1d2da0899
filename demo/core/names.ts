/**
 * Deterministic, locale-appropriate people names for the demo CRM. The data
 * set has no names; each customer's name is seeded by the customerID (and
 * follows the data set's gender column), so a customer keeps the same name
 * across runs. The English and Chinese names of one customer are unrelated
 * people names, not translations: each locale's CRM has its own believable
 * customer book.
 */
import { pickByHash, seedHash } from './hash';
import type { Locale } from './i18n';

export const EN_FEMALE_FIRST = [
  'Emma', 'Olivia', 'Ava', 'Sophia', 'Isabella', 'Mia', 'Charlotte', 'Amelia', 'Harper', 'Evelyn',
  'Abigail', 'Emily', 'Elizabeth', 'Sofia', 'Madison', 'Avery', 'Ella', 'Scarlett', 'Grace', 'Chloe',
  'Victoria', 'Riley', 'Aria', 'Lily', 'Aubrey', 'Zoey', 'Hannah', 'Layla', 'Nora', 'Lillian',
  'Addison', 'Ellie', 'Stella', 'Natalie', 'Leah', 'Hazel', 'Violet', 'Aurora', 'Savannah', 'Audrey',
  'Brooklyn', 'Bella', 'Claire', 'Skylar', 'Lucy', 'Paisley', 'Anna', 'Caroline', 'Sarah', 'Jennifer',
  'Laura', 'Megan', 'Rachel', 'Karen', 'Linda', 'Susan', 'Nancy', 'Deborah', 'Julia', 'Diana',
] as const;

export const EN_MALE_FIRST = [
  'Liam', 'Noah', 'William', 'James', 'Oliver', 'Benjamin', 'Elijah', 'Lucas', 'Mason', 'Logan',
  'Alexander', 'Ethan', 'Jacob', 'Michael', 'Daniel', 'Henry', 'Jackson', 'Sebastian', 'Aiden', 'Matthew',
  'Samuel', 'David', 'Joseph', 'Carter', 'Owen', 'Wyatt', 'John', 'Jack', 'Luke', 'Jayden',
  'Dylan', 'Grayson', 'Levi', 'Isaac', 'Gabriel', 'Julian', 'Mateo', 'Anthony', 'Jaxon', 'Lincoln',
  'Joshua', 'Christopher', 'Andrew', 'Theodore', 'Caleb', 'Ryan', 'Nathan', 'Thomas', 'Robert', 'Richard',
  'Charles', 'Mark', 'Steven', 'Paul', 'Kevin', 'Brian', 'George', 'Edward', 'Peter', 'Frank',
] as const;

export const EN_LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
] as const;

/** Common Chinese surnames (the most frequent first). */
export const ZH_SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周',
  '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹',
  '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈',
] as const;

export const ZH_FEMALE_GIVEN = [
  '芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲',
  '婷', '雪', '琳', '倩', '颖', '洁', '慧', '晶', '璐', '琴',
  '秀英', '桂英', '秀兰', '玉兰', '淑珍', '丽娟', '海燕', '晓燕', '雪梅', '美玲',
  '春梅', '丽华', '佳怡', '欣怡', '子涵', '雨婷', '思雨', '梦琪', '诗涵', '晓敏',
  '文静', '婉清', '慧敏', '晓丽', '丹丹', '莉莉', '红梅', '凤英', '玉梅', '秀珍',
  '佳琪', '雅琴', '心怡', '语嫣', '一诺', '若曦', '梓萱', '欣然', '晓雯', '美华',
] as const;

export const ZH_MALE_GIVEN = [
  '伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '超', '明',
  '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '斌', '宇',
  '建国', '建华', '建军', '国强', '志强', '志明', '俊杰', '海涛', '文博', '浩然',
  '子轩', '宇航', '晓东', '永刚', '德华', '立新', '国庆', '红军', '建平', '振华',
  '家豪', '思远', '博文', '天佑', '一鸣', '明轩', '子豪', '浩宇', '嘉诚', '昊天',
  '晨阳', '文杰', '志伟', '承泽', '宏伟', '鹏飞', '春生', '国栋', '少华', '云龙',
] as const;

/** The OWNER_COUNT sales reps who own customers, per locale (same index = same rep). */
export const OWNERS: Record<Locale, readonly string[]> = {
  en: ['Alex Chen', 'Maria Lopez', 'James Carter', 'Priya Patel', 'Tom Becker', 'Sarah Kim', 'David Osei', 'Emily Novak'],
  zh: ['陈立伟', '王晓燕', '刘洋', '张敏', '赵强', '孙丽', '周杰', '吴婷'],
};

/** The customer's display name in a locale; `gender` is the data set's "Female"/"Male". */
export function customerName(customerId: string, gender: string, locale: Locale): string {
  const female = gender === 'Female';
  if (locale === 'zh') {
    const surname = pickByHash(ZH_SURNAMES, seedHash(`${customerId}|zh-surname`));
    const given = pickByHash(female ? ZH_FEMALE_GIVEN : ZH_MALE_GIVEN, seedHash(`${customerId}|zh-given`));
    return surname + given;
  }
  const first = pickByHash(female ? EN_FEMALE_FIRST : EN_MALE_FIRST, seedHash(`${customerId}|en-first`));
  const last = pickByHash(EN_LAST, seedHash(`${customerId}|en-last`));
  return `${first} ${last}`;
}

export function ownerName(owner: number, locale: Locale): string {
  const name = OWNERS[locale][owner];
  if (name === undefined) throw new Error(`no owner #${owner}`);
  return name;
}
