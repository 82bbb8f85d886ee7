import type { MerchantProductDetail } from '@core/contracts/catalog';
import { emptyForm, formOf, toInput } from './form';

const PRODUCT: MerchantProductDetail = {
  id: 'p1',
  title: '北欧风护眼台灯',
  subtitle: '宿舍夜读不伤眼',
  image: '/files/products/a.png',
  images: ['/files/products/a.png'],
  priceFen: 8900,
  originalPriceFen: null,
  stock: 10,
  status: 'on_sale',
  category: '日用',
  sold: 0,
  description: '三档色温',
  commissionRateBp: null,
};

describe('product form', () => {
  test('an edit sends the stock the form loaded as expectedStock, whatever stock is typed', () => {
    const form = { ...formOf(PRODUCT), stock: '15' };
    const res = toInput(form, { productId: 'p1', requestId: 'req-form-0001' });
    expect(res.errors).toBeNull();
    expect(res.input).toMatchObject({ productId: 'p1', stock: 15, expectedStock: 10 });
  });

  test('a new product sends no expectedStock', () => {
    const form = { ...emptyForm(), title: '台灯', images: ['/files/products/a.png'], price: '89', stock: '5', category: 0 };
    const res = toInput(form, { requestId: 'req-form-0001' });
    expect(res.errors).toBeNull();
    expect(res.input && 'expectedStock' in res.input).toBe(false);
  });
});
