import fc from 'fast-check';
import { MAX_WORD, matches, productTerms, queryTerms, TITLE_MARK, textTerms } from './search-terms';

const sorted = (xs: string[]) => [...xs].sort();

describe('search terms', () => {
  it('indexes Chinese by characters and bigrams, other words whole and lowercased', () => {
    expect(sorted(textTerms('护眼台灯'))).toEqual(sorted(['护', '眼', '台', '灯', '护眼', '眼台', '台灯']));
    expect(sorted(textTerms('LED 台灯'))).toEqual(sorted(['led', 'le', 'ed', '台', '灯', '台灯']));
    // One run across the change of script: the pair where they meet is a term too.
    expect(sorted(textTerms('LED台灯'))).toEqual(sorted(['led', 'le', 'ed', 'd台', '台', '灯', '台灯']));
    // Full-width letters and digits are the ASCII ones; punctuation separates.
    expect(sorted(textTerms('２０Ｗ快充，Type-C'))).toEqual(sorted(['20w', '20', '0w', 'w快', '快', '充', '快充', 'type', 'ty', 'yp', 'pe', 'c']));
    expect(textTerms('  ！？…  ')).toEqual([]);
    expect(textTerms('x'.repeat(40))).toEqual(['xx', 'x'.repeat(MAX_WORD)]);
  });

  it('asks for bigrams of Chinese, a lone character itself, words whole, a two-character run as itself', () => {
    expect(queryTerms('台灯')).toEqual(['台灯']);
    expect(queryTerms('护眼台灯')).toEqual(['护眼', '眼台', '台灯']);
    expect(queryTerms('灯')).toEqual(['灯']);
    expect(queryTerms(' LED  台灯 ')).toEqual(['led', '台灯']);
    expect(queryTerms('led台灯')).toEqual(['led', '台灯']);
    expect(queryTerms('D台')).toEqual(['d台']);
    expect(queryTerms('Type-C')).toEqual(['type', 'c']);
    expect(queryTerms('台灯 台灯')).toEqual(['台灯']);
    expect(queryTerms('！！')).toEqual([]);
  });

  it('matches what a student would type', () => {
    const title = 'LED 护眼台灯';
    expect(matches(title, '台灯')).toBe(true);
    expect(matches(title, '眼台')).toBe(true);
    expect(matches(title, 'led')).toBe(true);
    expect(matches(title, 'Led 台灯')).toBe(true);
    expect(matches(title, '灯台')).toBe(false);
    expect(matches(title, '台历')).toBe(false);
    expect(matches(title, 'lamp')).toBe(false);
    expect(matches(title, '')).toBe(false);
  });

  it("marks the title's terms apart from the rest", () => {
    const terms = productTerms({ title: '台灯', subtitle: '护眼', categoryName: '宿舍好物', description: '' });
    expect(terms).toContain(`${TITLE_MARK}台灯`);
    expect(terms).toContain('护眼');
    expect(terms).toContain('宿舍');
    expect(terms).not.toContain(`${TITLE_MARK}护眼`);
  });

  it('finds a title by any two neighbouring letters or digits of it', () => {
    const alphabet = fc.constantFrom(...'台灯护眼笔记本气泡水瑜伽垫数据线'.split(''), ...'abcXYZ019'.split(''), 'Ａ', '１', ' ', '-', '·', '，');
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 2, maxLength: 20 }), (chars) => {
        const title = chars.join('');
        for (let i = 0; i + 1 < chars.length; i++) {
          const q = chars[i] + chars[i + 1];
          if (!/^[\p{L}\p{N}]{2}$/u.test(q)) continue;
          expect([title, q, matches(title, q)]).toEqual([title, q, true]);
        }
      }),
    );
  });

  it('finds a title by any of its Chinese characters and words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('台灯', '护眼', 'LED', 'usb', '笔', '20W'), { minLength: 1, maxLength: 6 }), fc.nat(), (words, k) => {
        const title = words.join(' ');
        expect(matches(title, words[k % words.length])).toBe(true);
      }),
    );
  });
});
