const request = jest.fn();
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: (o: unknown) => request(o) } }));

import { askSubscribe } from './subscribe';

describe('askSubscribe on weapp', () => {
  beforeEach(() => request.mockReset());
  it('asks for the one template, synchronously within the call (the tap)', () => {
    request.mockReturnValue(Promise.resolve({ errMsg: 'requestSubscribeMessage:ok', T1: 'accept' }));
    const answer = askSubscribe('T1');
    expect(request).toHaveBeenCalledWith({ tmplIds: ['T1'] });
    return expect(answer).resolves.toBe('accept');
  });
  it.each([
    ['reject', 'reject'],
    ['ban', 'unavailable'],
    ['filter', 'unavailable'],
  ])('answers %s as %s', async (wx, ours) => {
    request.mockReturnValue(Promise.resolve({ T1: wx }));
    await expect(askSubscribe('T1')).resolves.toBe(ours);
  });
  it('takes the main switch turned off as a refusal, other failures as unavailable', async () => {
    request.mockReturnValue(Promise.reject({ errCode: 20004, errMsg: 'main switch off' }));
    await expect(askSubscribe('T1')).resolves.toBe('reject');
    request.mockReturnValue(Promise.reject({ errCode: 10005 }));
    await expect(askSubscribe('T1')).resolves.toBe('unavailable');
    request.mockImplementation(() => {
      throw new Error('not a function on this client');
    });
    await expect(askSubscribe('T1')).resolves.toBe('unavailable');
  });
  it('does not ask without a template', async () => {
    await expect(askSubscribe('')).resolves.toBe('unavailable');
    expect(request).not.toHaveBeenCalled();
  });
});

describe('askSubscribe on H5', () => {
  it('accepts: the local cloud stands in for WeChat', async () => {
    request.mockReset();
    process.env.TARO_ENV = 'h5';
    try {
      await expect(askSubscribe('T1')).resolves.toBe('accept');
      expect(request).not.toHaveBeenCalled();
    } finally {
      Reflect.deleteProperty(process.env, 'TARO_ENV');
    }
  });
});
