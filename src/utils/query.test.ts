import { decodeParams, safeDecode } from './query';

describe('safe query decoding', () => {
  it('decodes good values and answers null for malformed ones', () => {
    expect(safeDecode('a%20b')).toBe('a b');
    expect(safeDecode('%%%')).toBeNull();
    expect(safeDecode(undefined)).toBe('');
  });
  it('flags a broken parameter among good ones', () => {
    expect(decodeParams({ id: 'p1', sc: '%E4%' }, ['id', 'sc'])).toEqual({ values: { id: 'p1', sc: '' }, broken: true });
    expect(decodeParams({ id: 'p1' }, ['id', 'via'])).toEqual({ values: { id: 'p1', via: '' }, broken: false });
  });
});
