import { categoryName, PRODUCT_CATEGORIES } from './contracts/catalog';
import { CATEGORIES } from './profile';

describe('product categories', () => {
  it("are the home page's chips: a merchant's product shows under its chip", () => {
    expect(CATEGORIES.map((c) => c.id)).toEqual([...PRODUCT_CATEGORIES]);
  });

  it('have names students read (what search indexes)', () => {
    expect(categoryName('日用')).toBe('宿舍好物');
    expect(categoryName('unknown')).toBe('unknown');
  });
});
