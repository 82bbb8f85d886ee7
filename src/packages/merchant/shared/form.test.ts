import { merchantInput } from '@core/contracts/groupbuy';
import { campusInstant } from './campus';
import { bpOfPercent, check, intOf, serverErrors } from './form';

describe('merchant form helpers', () => {
  test('check keeps the contract’s Chinese message per field and replaces zod’s English defaults', () => {
    const res = check(merchantInput.rejectRefund, { orderId: 'o1', refundId: 'Qo1-1', reason: '  ' });
    expect(res.errors).toEqual({ reason: '请写明驳回原因' });
    const ship = check(merchantInput.ship, { orderId: 'o1', carrier: '顺丰速运', trackingNo: 'SF 12' });
    expect(ship.errors).toEqual({ trackingNo: '运单号只含字母、数字和 -' });
    const nan = check(merchantInput.updateCampaign, { campaignId: 'c', stock: Number.NaN }, { stock: '请填写库存（整数）' });
    expect(nan.errors).toEqual({ stock: '请填写库存（整数）' });
  });

  test('serverErrors puts each named field’s message by the field and the rest on the form', () => {
    expect(serverErrors('title: 标题至少 2 个字; images: 请至少上传 1 张图片', ['title', 'images'])).toEqual({
      title: '标题至少 2 个字',
      images: '请至少上传 1 张图片',
    });
    expect(serverErrors('commissionRateBp: 数值过大：期望 number <=5000', ['commissionRateBp'], { commissionRateBp: '最高 50%' })).toEqual({
      commissionRateBp: '最高 50%',
    });
    expect(serverErrors('pickupPoints.0.name: 请填写自提点名称', ['pickupPoints'])).toEqual({ pickupPoints: '请填写自提点名称' });
    expect(serverErrors('出现未知的键(key): "x"', ['title'])).toEqual({ _: '出现未知的键(key): "x"' });
  });

  test('numbers typed into fields', () => {
    expect(intOf('12')).toBe(12);
    expect(intOf('1.5')).toBeNaN();
    expect(intOf('')).toBeNaN();
    expect(bpOfPercent('12.5')).toBe(1250);
    expect(bpOfPercent('0.01')).toBe(1);
    expect(bpOfPercent('1.005')).toBeNaN();
  });

  test('a picked campus date and time is that moment in Asia/Shanghai', () => {
    expect(new Date(campusInstant('2026-11-23', '16:30')).toISOString()).toBe('2026-11-23T08:30:00.000Z');
    expect(campusInstant('2026-11-23', '')).toBeNaN();
  });
});
