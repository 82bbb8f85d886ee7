// What a student may declare about themselves; the lists are the choices the profile page offers.

export const ROLES = ['student', 'koc', 'merchant', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const GRADES = ['大一', '大二', '大三', '大四', '研一', '研二', '研三', '博士', '其他'] as const;
export type Grade = (typeof GRADES)[number];

export const INTERESTS = ['美妆护肤', '数码', '运动健身', '学习文具', '零食饮料', '服饰穿搭', '宿舍好物', '美食', '图书', '旅行'] as const;
export type Interest = (typeof INTERESTS)[number];

export const NICKNAME_MAX = 20;
export const MAJOR_MAX = 30;
export const INTERESTS_MAX = 5;

/**
 * The home page's category chips. The ids are what a product stores (core/contracts/catalog
 * PRODUCT_CATEGORIES, the merchant's picker), so a merchant's product appears under its chip.
 */
export const CATEGORIES = [
  { id: '文具', name: '学习文具' },
  { id: '数码', name: '数码配件' },
  { id: '零食', name: '零食饮料' },
  { id: '日用', name: '宿舍好物' },
  { id: '美妆', name: '美妆护肤' },
  { id: '运动', name: '运动健身' },
  { id: '图书', name: '图书教材' },
  { id: '其他', name: '其他' },
] as const;
export type CategoryId = (typeof CATEGORIES)[number]['id'];
