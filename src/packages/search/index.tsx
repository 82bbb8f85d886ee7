// Search, in two tabs: 商品 over the catalog (titles, selling points, categories) and 笔记 over
// notes (two columns), each a page at a time. The query stays in the box and the results stay on
// the page when the student comes back from a product or a note; the last query is offered again.
import type { ProductCard as Card } from '@core/contracts/catalog';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useLoad, useReachBottom } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { searchProducts } from '../../api/shop';
import { ProductCard } from '../../components/ProductCard';
import { Button, Empty, Tabs } from '../../components/ui';
import { safeDecode } from '../../utils/query';
import { NoteResults, useNoteSearch } from './notes';
import './index.css';

type Tab = 'products' | 'notes';
const TABS = [
  { key: 'products' as const, label: '商品' },
  { key: 'notes' as const, label: '笔记' },
];

const LAST_KEY = 'sprout.lastSearch';

export default function Search() {
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  const [items, setItems] = useState<Card[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const generation = useRef(0);
  const [tab, setTab] = useState<Tab>('products');
  const notes = useNoteSearch();

  const run = async (query: string, from: string | null) => {
    const text = query.trim();
    if (!text) return setError('请输入关键词');
    const gen = ++generation.current;
    setLoading(true);
    setError('');
    if (!from) {
      setAsked(text);
      setItems([]);
      Taro.setStorageSync(LAST_KEY, text);
    }
    const res = await searchProducts(text, from ?? undefined);
    if (gen !== generation.current) return;
    setLoading(false);
    if (!res.ok) return setError(res.message);
    setItems((prev) => (from ? [...prev, ...res.data.items] : res.data.items));
    setCursor(res.data.nextCursor);
    setDone(res.data.nextCursor === null);
  };

  /** The box's query in the tab shown; the other tab asks when it is opened. */
  const ask = (query: string, on: Tab = tab) => {
    if (on === 'products') return run(query, null);
    const text = query.trim();
    if (!text) return setError('请输入关键词');
    setError('');
    Taro.setStorageSync(LAST_KEY, text);
    return notes.search(text);
  };
  const switchTab = (t: Tab) => {
    setTab(t);
    const text = q.trim();
    if (text && text !== (t === 'notes' ? notes.asked : asked)) void ask(text, t);
  };
  useLoad((p) => {
    const given = safeDecode(p.q) ?? '';
    const start = given || ((Taro.getStorageSync(LAST_KEY) as string) ?? '');
    const on: Tab = p.tab === 'notes' ? 'notes' : 'products';
    setQ(start);
    setTab(on);
    if (given) void ask(given, on);
  });
  useReachBottom(() => {
    if (tab === 'notes') void notes.more();
    else if (asked && !loading && !done && !error) void run(asked, cursor);
  });

  return (
    <View className='page sr-page'>
      <View className='sr-bar'>
        <Input
          className='sr-input'
          value={q}
          focus={!asked && !notes.asked}
          confirmType='search'
          placeholder={tab === 'notes' ? '搜索笔记，如 宿舍好物、气泡水' : '搜索商品，如 奶茶、数据线'}
          placeholderClass='ui-placeholder'
          maxlength={30}
          data-testid='search-input'
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void ask(q)}
        />
        <Button type='primary' size='small' testId='search-submit' onClick={() => ask(q)}>
          搜索
        </Button>
      </View>
      <Tabs items={TABS} value={tab} onChange={switchTab} testId='search-tab' />
      {tab === 'notes' ? (
        <>
          {!notes.asked && !error ? <Text className='sr-tip'>搜笔记的标题、正文或话题，比如「宿舍好物」「开学必备」</Text> : null}
          {error && !notes.asked ? <Empty title='输入想找的东西' hint={error} /> : null}
          <NoteResults s={notes} />
        </>
      ) : (
        <>
          {!asked && !error ? <Text className='sr-tip'>搜商品名、卖点或分类，比如「台灯」「零食」「数据线」</Text> : null}
          {asked && items.length > 0 ? <Text className='sr-count'>「{asked}」的结果</Text> : null}
          {items.map((p) => (
            <ProductCard key={p.id} product={p} />
          ))}
          {error ? (
            <Empty
              title={error === '请输入关键词' ? '输入想找的东西' : '搜索没有完成'}
              hint={error}
              actionText={asked ? '重试' : undefined}
              onAction={() => run(asked || q, null)}
            />
          ) : null}
          {!error && asked && done && items.length === 0 ? (
            <Empty
              title={`没有找到「${asked}」`}
              hint='换个词试试，或者去首页逛逛'
              actionText='回首页'
              onAction={() => Taro.switchTab({ url: '/pages/index/index' })}
              testId='search-empty'
            />
          ) : null}
          {loading ? <Text className='sr-foot'>搜索中…</Text> : null}
          {!loading && done && items.length > 0 ? <Text className='sr-foot'>没有更多了</Text> : null}
        </>
      )}
    </View>
  );
}
