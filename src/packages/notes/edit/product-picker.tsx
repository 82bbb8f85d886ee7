// 标记商品: a sheet that searches the catalog (products on sale) and tags the one tapped.
import type { ProductCard } from '@core/contracts/catalog';
import type { NoteProduct } from '@core/contracts/notes';
import { formatFen } from '@core/money';
import { Image, Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { searchProducts } from '../../../api/catalog';
import { Button, Sheet } from '../../../components/ui';

const toNoteProduct = (p: ProductCard): NoteProduct => ({ id: p.id, title: p.title, priceFen: p.priceFen, cover: p.image, onSale: true });

export function ProductPicker({ open, picked, onPick, onClose }: { open: boolean; picked: string[]; onPick: (p: NoteProduct) => void; onClose: () => void }) {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<ProductCard[] | null>(null);
  const [error, setError] = useState('');
  const run = async () => {
    const text = q.trim();
    if (!text) return setError('输入商品名搜索，如 气泡水');
    setError('');
    const r = await searchProducts(text);
    if (!r.ok) return setError(r.message);
    setItems(r.data.items);
  };
  return (
    <Sheet open={open} title='标记商品' onClose={onClose} testId='product-picker'>
      <View className='ne-search'>
        <Input
          className='ne-search-input'
          value={q}
          confirmType='search'
          placeholder='搜索商品'
          placeholderClass='ui-placeholder'
          maxlength={30}
          data-testid='product-search-input'
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void run()}
        />
        <Button size='small' type='primary' testId='product-search-submit' onClick={run}>
          搜索
        </Button>
      </View>
      {error ? <Text className='ne-error'>{error}</Text> : null}
      {items && items.length === 0 ? <Text className='muted'>没有找到在售的商品，换个词试试</Text> : null}
      {(items ?? []).map((p) => {
        const on = picked.includes(p.id);
        return (
          <View key={p.id} className='ne-pick' data-testid='product-pick' onClick={() => !on && onPick(toNoteProduct(p))}>
            <Image className='ne-pick-cover' src={p.image} mode='aspectFill' />
            <View className='ne-pick-main'>
              <Text className='ne-pick-title'>{p.title}</Text>
              <Text className='muted'>
                {formatFen(p.priceFen)} · {p.merchantName}
              </Text>
            </View>
            <Text className={on ? 'muted' : 'ne-pick-add'}>{on ? '已标记' : '标记'}</Text>
          </View>
        );
      })}
    </Sheet>
  );
}
