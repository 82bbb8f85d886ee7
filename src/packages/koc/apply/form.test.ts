import { PRODUCT_CATEGORIES } from '@core/contracts/catalog';
import { kocInput } from '@core/contracts/koc';
import { type ApplyForm, checkApply, emptyApplyForm, errorKey, KOC_CATEGORIES, type SocialForm, serverApplyErrors } from './form';

const social = (s: Partial<SocialForm> = {}): SocialForm => ({
  platform: '小红书',
  handle: '小林的宿舍好物',
  link: '',
  followers: '800',
  avgInteractions: '60',
  proofImages: ['/files/koc/a.png'],
  ...s,
});
const form = (f: Partial<ApplyForm> = {}): ApplyForm => ({
  socials: [social()],
  categories: [{ category: '文具', selfAssessment: '' }],
  links: '',
  images: [],
  consent: true,
  ...f,
});

describe('KOC apply form', () => {
  it('sends trimmed values, no empty link, links one a line', () => {
    const res = checkApply('m1', 'r12345678', form({ socials: [social({ handle: '  小林 ', link: ' ' })], links: ' https://a.cn/1 \n\n https://a.cn/2 ' }));
    expect(res).toEqual({
      ok: true,
      value: {
        merchantId: 'm1',
        socials: [{ platform: '小红书', handle: '小林', followers: 800, avgInteractions: 60, proofImages: ['/files/koc/a.png'] }],
        categories: [{ category: '文具', selfAssessment: '' }],
        portfolio: { links: ['https://a.cn/1', 'https://a.cn/2'], images: [] },
        consent: true,
        requestId: 'r12345678',
      },
    });
  });
  it('says what is missing, by the field', () => {
    expect(checkApply('m1', 'r12345678', emptyApplyForm())).toEqual({
      ok: false,
      errors: {
        'socials.0.platform': '请选择平台',
        'socials.0.handle': '请填写账号',
        'socials.0.followers': '请填写粉丝数',
        'socials.0.avgInteractions': '请填写互动数',
        categories: '至少选一个擅长的品类',
        consent: '请先阅读并同意达人计划条款',
      },
    });
  });
  it('refuses half numbers and letters', () => {
    const res = checkApply('m1', 'r12345678', form({ socials: [social({ followers: '1.5', avgInteractions: 'abc' })] }));
    expect(res).toEqual({ ok: false, errors: { 'socials.0.followers': '粉丝数要是整数', 'socials.0.avgInteractions': '互动数要是整数' } });
  });
  it('offers the contract’s categories', () => {
    expect([...KOC_CATEGORIES]).toEqual([...PRODUCT_CATEGORIES]);
  });
  it('puts the server’s INVALID_INPUT on the fields', () => {
    expect(serverApplyErrors('socials.1.followers: 粉丝数太大了; portfolio.links.3: 链接最多 200 个字; requestId: Too small')).toEqual({
      'socials.1.followers': '粉丝数太大了',
      'portfolio.links': '链接最多 200 个字',
      _: 'requestId: Too small',
    });
  });
});

describe('the apply form agrees with the contract', () => {
  const long = (n: number) => '字'.repeat(n);
  const cases: ApplyForm[] = [
    form(),
    form({ consent: false }),
    form({ socials: [] }),
    form({ socials: [social(), social(), social(), social(), social(), social()] }),
    form({ socials: [social({ platform: '知乎' })] }),
    form({ socials: [social({ handle: long(61), link: long(201) })] }),
    form({ socials: [social({ followers: '-3', avgInteractions: '20000000' })] }),
    form({ socials: [social({ followers: '200000000', proofImages: ['/files/a.png', '/files/b.png', '/files/c.png', '/files/d.png'] })] }),
    form({ socials: [social({ proofImages: ['https://example.com/a.png'] })] }),
    form({ socials: [social({ platform: '抖音', link: ' https://douyin.com/u/1 ' }), social({ platform: 'B站', proofImages: [] })] }),
    form({ categories: [] }),
    form({ categories: ['文具', '数码', '零食', '日用'].map((category) => ({ category, selfAssessment: '' })) }),
    form({ categories: [{ category: '美妆', selfAssessment: `  ${long(200)}  ` }] }),
    form({ categories: [{ category: '美妆', selfAssessment: long(201) }] }),
    form({ categories: [{ category: '家电', selfAssessment: '' }] }),
    form({ links: ['a', 'b', 'c', 'd', 'e', 'f'].join('\n') }),
    form({ links: `https://x.cn/${long(200)}` }),
    form({ images: ['/files/1.png', '/files/2.png', '/files/3.png', '/files/4.png', '/files/5.png', '/files/6.png', '/files/7.png'] }),
    form({ images: ['cloud://env/koc/a.jpg', 'blob:http://x/1'] }),
    form({ images: ['cloud://env/koc/a.jpg', '/files/koc/b.png'], links: 'https://xhslink.com/a' }),
  ];
  it.each(cases.map((c, i) => [i, c] as const))('case %i', (_i, f) => {
    const input = {
      merchantId: 'm1',
      socials: f.socials.map((s) => ({
        platform: s.platform,
        handle: s.handle,
        ...(s.link.trim() ? { link: s.link } : {}),
        followers: Number(s.followers),
        avgInteractions: Number(s.avgInteractions),
        proofImages: s.proofImages,
      })),
      categories: f.categories,
      portfolio: {
        links: f.links
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        images: f.images,
      },
      consent: f.consent,
      requestId: 'r12345678',
    };
    const schema = kocInput.apply.safeParse(input);
    const ours = checkApply('m1', 'r12345678', f);
    expect(ours.ok).toBe(schema.success);
    if (schema.success && ours.ok) expect(ours.value).toEqual(schema.data);
    if (!schema.success && !ours.ok) {
      const expected: Record<string, string> = {};
      for (const i of schema.error.issues) expected[errorKey(i.path as (string | number)[])] ??= i.message;
      expect(ours.errors).toEqual(expected);
    }
  });
});
