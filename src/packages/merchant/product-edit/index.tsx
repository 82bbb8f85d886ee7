// Create or edit a product: pictures, prices in yuan, stock, category, description and an
// optional commission rate for this product. Errors appear next to their fields, both the
// page's own check and the server's; a saved product returns to the list.
import { PRODUCT_CATEGORIES } from '@core/contracts/catalog';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useLoad, useReady } from '@tarojs/taro';
import { useState } from 'react';
import { newRequestId } from '../../../api/groupbuy';
import { getMyProduct, saveProduct } from '../../../api/merchant-shop';
import { ActionBar, Button, Empty, Field, ImageUpload, TextAreaField, TextField, toast } from '../../../components/ui';
import { type FieldErrors, serverErrors } from '../shared/form';
import { emptyForm, FIELD_FALLBACK, formOf, PRODUCT_FIELDS, type ProductForm, toInput } from './form';
import './index.css';

const LIST = '/packages/merchant/products/index';

export default function ProductEdit() {
  const [productId, setProductId] = useState<string | undefined>();
  const [form, setForm] = useState<ProductForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [loadError, setLoadError] = useState('');
  // One id per attempt at creating: a retry after a lost answer finds the product it made.
  const [requestId, setRequestId] = useState(newRequestId);

  const load = async (id: string) => {
    setLoadError('');
    const res = await getMyProduct(id);
    if (!res.ok) return setLoadError(res.message);
    setForm(formOf(res.data));
  };
  useLoad((params) => {
    const id = params.id ? decodeURIComponent(params.id) : undefined;
    setProductId(id);
    if (id) void load(id);
    else setForm(emptyForm());
  });
  // After the first render: on H5 the navigation bar takes the page config's title when the page mounts.
  useReady(() => {
    const id = Taro.getCurrentInstance().router?.params.id;
    void Taro.setNavigationBarTitle({ title: id ? '编辑商品' : '新建商品' });
  });

  if (!form) {
    return (
      <View className='page'>
        {loadError ? (
          <Empty title='加载失败' hint={loadError} actionText='重试' onAction={() => productId && load(productId)} />
        ) : (
          <Text className='pe-loading muted'>加载中…</Text>
        )}
      </View>
    );
  }

  const set =
    <K extends keyof ProductForm>(key: K, field: string) =>
    (value: ProductForm[K]) => {
      setForm({ ...form, [key]: value });
      if (errors[field]) setErrors({ ...errors, [field]: '' });
    };
  const save = async () => {
    const checked = toInput(form, { productId, requestId });
    if (!checked.input) {
      setErrors(checked.errors);
      toast('请按提示修改后再保存');
      return;
    }
    setErrors({});
    const res = await saveProduct(checked.input);
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') {
        setErrors(serverErrors(res.message, PRODUCT_FIELDS, FIELD_FALLBACK));
        toast('请按提示修改后再保存');
      } else toast(res.message);
      // A refused attempt made nothing; the next one is a new request.
      if (res.code !== 'NETWORK') setRequestId(newRequestId());
      return;
    }
    toast(productId ? '已保存' : '已创建', 'success');
    const pages = Taro.getCurrentPages();
    if (pages.length > 1) await Taro.navigateBack();
    else await Taro.redirectTo({ url: LIST });
  };

  return (
    <View className='page pe'>
      <View className='section'>
        <Field label='商品图片（第一张为封面，最多 9 张）' required error={errors.images} testId='product-images'>
          <ImageUpload value={form.images} max={9} folder='products' onChange={set('images', 'images')} testId='product-images-upload' />
        </Field>
        <TextField
          label='标题'
          required
          value={form.title}
          onInput={set('title', 'title')}
          maxlength={40}
          placeholder='2-40 个字'
          error={errors.title}
          testId='product-title'
        />
        <TextField
          label='卖点'
          value={form.subtitle}
          onInput={set('subtitle', 'subtitle')}
          maxlength={40}
          placeholder='一句话卖点，可不填'
          error={errors.subtitle}
          testId='product-subtitle'
        />
        <Field label='分类' required error={errors.category} testId='product-category'>
          <Picker
            mode='selector'
            range={PRODUCT_CATEGORIES as unknown as string[]}
            value={Math.max(0, form.category)}
            onChange={(e) => set('category', 'category')(Number(e.detail.value))}
          >
            <View className='pe-picker' data-testid='product-category-picker'>
              <Text className={form.category < 0 ? 'pe-placeholder' : ''}>{PRODUCT_CATEGORIES[form.category] ?? '选择分类'}</Text>
              <Text className='pe-arrow'>›</Text>
            </View>
          </Picker>
        </Field>
      </View>
      <View className='section'>
        <TextField
          label='售价（元）'
          required
          type='digit'
          value={form.price}
          onInput={set('price', 'priceFen')}
          placeholder='例如 12.30'
          error={errors.priceFen}
          testId='product-price'
        />
        <TextField
          label='划线价（元）'
          type='digit'
          value={form.originalPrice}
          onInput={set('originalPrice', 'originalPriceFen')}
          placeholder='原价，可不填'
          error={errors.originalPriceFen}
          testId='product-original-price'
        />
        <TextField
          label='库存（件）'
          required
          type='number'
          value={form.stock}
          onInput={set('stock', 'stock')}
          placeholder='例如 100'
          error={errors.stock}
          testId='product-stock'
        />
        <TextField
          label='本商品佣金比例（%）'
          type='digit'
          value={form.commission}
          onInput={set('commission', 'commissionRateBp')}
          placeholder='留空则按达人等级比例'
          hint='0-50；填写后这件商品不论达人等级都按此比例'
          error={errors.commissionRateBp}
          testId='product-commission'
        />
      </View>
      <View className='section'>
        <TextAreaField
          label='商品描述'
          value={form.description}
          onInput={set('description', 'description')}
          maxlength={1000}
          placeholder='规格、用法、取货说明等'
          error={errors.description}
          testId='product-description'
        />
      </View>
      {errors._ ? <Text className='pe-error'>{errors._}</Text> : null}
      <ActionBar>
        <Button type='primary' size='large' block testId='product-save' onClick={save}>
          {productId ? '保存' : '创建商品'}
        </Button>
      </ActionBar>
    </View>
  );
}
