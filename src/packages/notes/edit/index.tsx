// 写笔记 / 编辑笔记: up to 9 photos (shrunk to about 1080 px wide on the phone), a title and a
// body with counters, # topics, product tags picked from the catalog's search, and 已购 linked
// to one of the student's own paid orders of a tagged product. The contract's schema checks the
// form here, so each field's message shows beside it; 存草稿 keeps it private and unchecked,
// 发布 sends it to the checks and then says where it stands (审核中 / 已发布 / 未通过 with why).

import { formatFen } from '@core/money';
import type { NoteState } from '@core/notes/rules';
import { NOTE_LIMITS } from '@core/notes/rules';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { newRequestId } from '../../../api/groupbuy';
import { editNote, getNote, publishNote } from '../../../api/notes';
import { orderPage } from '../../../api/shop';
import { ActionBar, Button, Dialog, Empty, Field, ImageUpload, TextAreaField, TextField, toast } from '../../../components/ui';
import { decodeParams } from '../../../utils/query';
import { formatShortDateTime } from '../../../utils/time';
import { publishedLine } from '../shared/status';
import { compressForNote } from './compress';
import {
  addProduct,
  addTopic,
  checkNote,
  emptyNoteForm,
  type FieldErrors,
  formOfNote,
  type NoteForm,
  type OwnOrder,
  purchasableOrders,
  removeProduct,
} from './form';
import { ProductPicker } from './product-picker';
import '../shared/notes.css';
import './index.css';

const detailUrl = (noteId: string) => `/packages/notes/detail/index?id=${encodeURIComponent(noteId)}`;

/** A refusal the server gave for the tags or the order, put beside the field it is about. */
function serverError(message: string): FieldErrors {
  if (message.includes('订单')) return { orderId: message };
  if (message.includes('商品')) return { productIds: message };
  return { _: message };
}

export default function NoteEdit() {
  const [form, setForm] = useState<NoteForm>(() => emptyNoteForm(newRequestId()));
  const [loadError, setLoadError] = useState('');
  const [loading, setLoading] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [topicText, setTopicText] = useState('');
  const [picking, setPicking] = useState(false);
  const [orders, setOrders] = useState<OwnOrder[] | null>(null);
  const [wasPurchased, setWasPurchased] = useState(false);
  const [result, setResult] = useState<{ noteId: string; status: NoteState; reason: string | null } | null>(null);
  const ordersAsked = useRef(false);

  const load = async (noteId: string) => {
    setLoading(true);
    setLoadError('');
    const r = await getNote(noteId);
    setLoading(false);
    if (!r.ok) return setLoadError(r.code === 'NOT_FOUND' ? '笔记不存在或已删除' : r.message);
    setForm(formOfNote(r.data, newRequestId()));
    setWasPurchased(r.data.purchased);
  };
  useLoad((params) => {
    const { values } = decodeParams(params, ['id', 'topic']);
    if (values.id) {
      void Taro.setNavigationBarTitle({ title: '编辑笔记' });
      void load(values.id);
    } else if (values.topic) {
      // From a topic page's 参与话题: the topic is there already.
      const r = addTopic([], values.topic);
      if (r.topics) setForm((f) => ({ ...f, topics: r.topics }));
    }
  });
  // The student's orders, read once a product is tagged: the ones that can back 已购.
  useEffect(() => {
    if (form.products.length === 0 || ordersAsked.current) return;
    ordersAsked.current = true;
    void orderPage('all').then((r) => {
      if (r.ok) setOrders(r.data.items.map((o) => ({ id: o.id, title: o.title, paidAt: o.paidAt, createdAt: o.createdAt })));
      else ordersAsked.current = false;
    });
  }, [form.products.length]);

  const set = (patch: Partial<NoteForm>, field?: keyof FieldErrors) => {
    setForm((f) => ({ ...f, ...patch }));
    if (field && errors[field]) setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const candidates = purchasableOrders(orders ?? [], form.products);
  const orderProduct = (orderId: string) => candidates.find((o) => o.id === orderId)?.productId ?? null;

  const addTyped = () => {
    const r = addTopic(form.topics, topicText);
    if (!r.topics) return setErrors((e) => ({ ...e, topics: r.error }));
    set({ topics: r.topics }, 'topics');
    setTopicText('');
  };

  const save = async (draft: boolean) => {
    const checked = checkNote(form, draft);
    if (!checked.input) {
      setErrors(checked.errors);
      return toast('请先改好标红的地方');
    }
    setErrors({});
    const r = form.noteId ? await editNote(form.noteId, checked.input) : await publishNote({ ...checked.input, requestId: form.requestId });
    if (!r.ok) {
      if (r.code === 'INVALID_INPUT') setErrors(serverError(r.message));
      else setErrors({ _: r.message });
      return toast(r.message);
    }
    // Saved: from now on this form edits that note (a retry of 发布 must not make a second one).
    setForm((f) => ({ ...f, noteId: r.data.noteId, requestId: newRequestId() }));
    if (draft) return toast('草稿已保存', 'success');
    setResult(r.data);
  };

  if (loadError) return <Empty title={loadError} actionText='返回' onAction={() => Taro.navigateBack()} />;
  if (loading) return <Text className='nt-loading'>加载中…</Text>;
  return (
    <View className='page ne-page' data-testid='note-editor'>
      <View className='section'>
        <Field label={`图片（最多 ${NOTE_LIMITS.images} 张）`} error={errors.images} testId='note-images-field'>
          <ImageUpload
            value={form.images}
            max={NOTE_LIMITS.images}
            folder='notes'
            prepare={compressForNote}
            onChange={(images) => set({ images }, 'images')}
            testId='note-images'
          />
        </Field>
        <TextField
          label='标题'
          required
          value={form.title}
          maxlength={NOTE_LIMITS.title}
          placeholder='写个标题，同学们一眼就懂'
          hint={`${form.title.length}/${NOTE_LIMITS.title}`}
          error={errors.title}
          onInput={(title) => set({ title }, 'title')}
          testId='note-title'
        />
        <TextAreaField
          label='正文'
          value={form.body}
          maxlength={NOTE_LIMITS.body}
          placeholder='说说你真实的使用感受'
          error={errors.body}
          onInput={(body) => set({ body }, 'body')}
          testId='note-body'
        />
      </View>
      <View className='section'>
        <Field label={`话题（最多 ${NOTE_LIMITS.topics} 个）`} error={errors.topics} testId='note-topics'>
          <View className='ne-chips'>
            {form.topics.map((t) => (
              <Text
                key={t}
                className='chip chip-on ne-chip'
                data-testid='note-topic-chip'
                onClick={() => set({ topics: form.topics.filter((x) => x !== t) }, 'topics')}
              >
                #{t} ×
              </Text>
            ))}
          </View>
          <View className='ne-row'>
            <Input
              className='ui-input ne-topic-input'
              value={topicText}
              placeholder='#话题，如 宿舍好物'
              placeholderClass='ui-placeholder'
              maxlength={NOTE_LIMITS.topic + 2}
              confirmType='done'
              data-testid='note-topic-input'
              onInput={(e) => setTopicText(e.detail.value)}
              onConfirm={addTyped}
            />
            <Button size='small' testId='note-topic-add' onClick={addTyped}>
              添加
            </Button>
          </View>
        </Field>
        <Field label={`标记商品（最多 ${NOTE_LIMITS.products} 个）`} error={errors.productIds} testId='note-products'>
          {form.products.map((p) => (
            <View key={p.id} className='ne-product' data-testid='note-product-tag'>
              <Text className='ne-product-title'>{p.title}</Text>
              <Text className='ne-product-price'>{formatFen(p.priceFen)}</Text>
              <Text className='ne-remove' onClick={() => setForm(removeProduct(form, p.id, orderProduct))}>
                移除
              </Text>
            </View>
          ))}
          {form.products.length < NOTE_LIMITS.products ? (
            <Button size='small' testId='note-product-add' onClick={() => setPicking(true)}>
              + 标记商品
            </Button>
          ) : null}
        </Field>
        {form.products.length > 0 ? (
          <Field
            label='已购（可选）'
            error={errors.orderId}
            hint={wasPurchased && !form.orderId ? '编辑后请重新选择购买这件商品的订单，才会继续显示已购' : '关联你自己买过的订单，笔记会显示“已购”'}
            testId='note-order'
          >
            {orders === null ? <Text className='muted'>正在读取你的订单…</Text> : null}
            {orders !== null && candidates.length === 0 ? <Text className='muted'>没有找到你买过的这些商品的已付款订单</Text> : null}
            {candidates.map((o) => (
              <View
                key={o.id}
                className={`ne-order${form.orderId === o.id ? ' ne-order-on' : ''}`}
                data-testid='note-order-option'
                onClick={() => set({ orderId: form.orderId === o.id ? null : o.id }, 'orderId')}
              >
                <Text className='ne-order-title'>{o.title}</Text>
                <Text className='muted'>{formatShortDateTime(o.paidAt ?? o.createdAt)} 付款</Text>
              </View>
            ))}
          </Field>
        ) : null}
        <Text className='ne-note'>通过店铺达人计划获得佣金或试用的商品，笔记会自动标注“广告”和店铺名，不能去掉。</Text>
      </View>
      {errors._ ? (
        <Text className='ne-error' data-testid='note-form-error'>
          {errors._}
        </Text>
      ) : null}
      <ActionBar>
        <Button block testId='note-save-draft' onClick={() => save(true)}>
          存草稿
        </Button>
        <Button block type='primary' testId='note-publish' onClick={() => save(false)}>
          发布
        </Button>
      </ActionBar>
      <ProductPicker
        open={picking}
        picked={form.products.map((p) => p.id)}
        onClose={() => setPicking(false)}
        onPick={(p) => {
          const r = addProduct(form.products, p);
          if (!r.products) return toast(r.error);
          set({ products: r.products }, 'productIds');
          setPicking(false);
        }}
      />
      <Dialog
        open={result !== null}
        title={result ? publishedLine(result.status, result.reason) : ''}
        confirmText='查看笔记'
        cancelText={result?.status === 'rejected' ? '继续修改' : ''}
        onConfirm={() => result && Taro.redirectTo({ url: detailUrl(result.noteId) })}
        onCancel={() => setResult(null)}
        testId='note-result'
      >
        <Text data-testid='note-result-text'>
          {result?.status === 'published'
            ? '同学们现在就能在发现里看到它。'
            : result?.status === 'rejected'
              ? '修改后再点发布，会重新检测。'
              : '图片检测完成后自动发布，一般几分钟内。'}
        </Text>
      </Dialog>
    </View>
  );
}
