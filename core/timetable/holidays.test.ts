import { chineseName, nationalDays } from './holidays';

describe('nationalDays', () => {
  it('lists the 2025 National Day weekdays off and the two make-up weekends, with Chinese names', () => {
    expect(nationalDays('2025-09-26', '2025-10-12')).toEqual([
      { date: '2025-09-28', kind: 'makeup', name: '国庆节' },
      { date: '2025-10-01', kind: 'off', name: '国庆节' },
      { date: '2025-10-02', kind: 'off', name: '国庆节' },
      { date: '2025-10-03', kind: 'off', name: '国庆节' },
      // 10-04/05 are a weekend off: nothing changes for a Mon–Fri timetable, so not listed
      { date: '2025-10-06', kind: 'off', name: '中秋' },
      { date: '2025-10-07', kind: 'off', name: '国庆节' },
      { date: '2025-10-08', kind: 'off', name: '国庆节' },
      { date: '2025-10-11', kind: 'makeup', name: '国庆节' },
    ]);
  });

  it('lists nothing for an ordinary fortnight', () => {
    expect(nationalDays('2025-11-03', '2025-11-16')).toEqual([]);
  });

  it('refuses a range longer than its bound and a malformed date', () => {
    expect(() => nationalDays('2025-01-01', '2026-12-31')).toThrow(/range over/);
    expect(() => nationalDays('2025-13-01', '2025-13-02')).toThrow(/bad range/);
  });

  it('takes the Chinese part of the package name', () => {
    expect(chineseName('Mid-autumn Festival,中秋,1')).toBe('中秋');
    expect(chineseName('Thursday')).toBe('Thursday');
  });
});
