// The shop's fulfilment settings: campus pickup points (name, place, opening hours) and
// whether it delivers to dormitories. Checkout offers exactly these; orders keep their own copy,
// so editing a point does not move orders already placed.
import type { PickupPoint } from '@core/contracts/fulfilment';
import { pickupPointInput, shopFulfilmentInput } from '@core/contracts/fulfilment';
import { Switch, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { getShopFulfilment, type ShopFulfilmentInput, saveShopFulfilment } from '../../../api/merchant-shop';
import { ActionBar, Button, Cell, CellGroup, Dialog, Empty, TextField, toast } from '../../../components/ui';
import { check, type FieldErrors, serverErrors } from '../shared/form';
import './index.css';

type Point = ShopFulfilmentInput['pickupPoints'][number];
interface Editing {
  /** Index in the list, or -1 for a new point. */
  index: number;
  point: Point;
  errors: FieldErrors;
}

export default function ShopSettings() {
  const [shop, setShop] = useState<ShopFulfilmentInput | null>(null);
  const [loadError, setLoadError] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [dirty, setDirty] = useState(false);

  const load = async () => {
    setLoadError('');
    const res = await getShopFulfilment();
    if (!res.ok) return setLoadError(res.message);
    setShop({ pickupPoints: res.data.pickupPoints.map((p: PickupPoint) => ({ ...p })), delivery: { ...res.data.delivery } });
    setDirty(false);
  };
  useDidShow(() => {
    if (!dirty) void load();
  });

  if (!shop) {
    return (
      <View className='page'>
        {loadError ? <Empty title='加载失败' hint={loadError} actionText='重试' onAction={load} /> : <Text className='sh-loading muted'>加载中…</Text>}
      </View>
    );
  }

  const change = (next: ShopFulfilmentInput) => {
    setShop(next);
    setDirty(true);
    setErrors({});
  };
  const confirmPoint = () => {
    if (!editing) return false;
    const res = check(pickupPointInput, editing.point);
    if (!res.data) {
      setEditing({ ...editing, errors: res.errors });
      return false;
    }
    const points = [...shop.pickupPoints];
    if (editing.index < 0) points.push(res.data);
    else points[editing.index] = res.data;
    change({ ...shop, pickupPoints: points });
    return true;
  };
  const setPoint = (key: 'name' | 'place' | 'hours') => (value: string) =>
    editing && setEditing({ ...editing, point: { ...editing.point, [key]: value }, errors: { ...editing.errors, [key]: '' } });

  const save = async () => {
    const res = check(shopFulfilmentInput, shop);
    if (!res.data) {
      setErrors(res.errors);
      return;
    }
    const saved = await saveShopFulfilment(res.data);
    if (!saved.ok) {
      if (saved.code === 'INVALID_INPUT') setErrors(serverErrors(saved.message, ['pickupPoints', 'delivery']));
      else toast(saved.message);
      return;
    }
    setShop({ pickupPoints: saved.data.pickupPoints, delivery: saved.data.delivery });
    setDirty(false);
    toast('已保存', 'success');
  };

  return (
    <View className='page sh'>
      <CellGroup title='自提点'>
        {shop.pickupPoints.length === 0 ? <Text className='sh-none muted'>还没有自提点</Text> : null}
        {shop.pickupPoints.map((p, i) => (
          <View key={p.id ?? `new-${i}`} className='sh-point' data-testid='pickup-point'>
            <View className='sh-point-main'>
              <Text className='sh-point-name'>{p.name}</Text>
              <Text className='muted'>{p.place}</Text>
              <Text className='muted'>{p.hours}</Text>
            </View>
            <View className='sh-point-actions'>
              <Button size='small' testId='pickup-point-edit' onClick={() => setEditing({ index: i, point: { ...p }, errors: {} })}>
                编辑
              </Button>
              <Button size='small' type='ghost' testId='pickup-point-delete' onClick={() => setRemoving(i)}>
                删除
              </Button>
            </View>
          </View>
        ))}
        <View className='sh-add'>
          <Button
            size='small'
            type='ghost'
            disabled={shop.pickupPoints.length >= 10}
            testId='pickup-point-add'
            onClick={() => setEditing({ index: -1, point: { name: '', place: '', hours: '' }, errors: {} })}
          >
            添加自提点
          </Button>
          {errors.pickupPoints ? (
            <Text className='sh-error' data-testid='pickup-points-error'>
              {errors.pickupPoints}
            </Text>
          ) : null}
        </View>
      </CellGroup>
      <CellGroup title='送货上门'>
        <View className='sh-switch'>
          <Text>送到宿舍楼</Text>
          <Switch
            checked={shop.delivery.enabled}
            color='#16a34a'
            data-testid='delivery-enabled'
            onChange={(e) => change({ ...shop, delivery: { ...shop.delivery, enabled: e.detail.value } })}
          />
        </View>
        {shop.delivery.enabled ? (
          <View className='sh-note'>
            <TextField
              label='配送说明'
              value={shop.delivery.note}
              maxlength={60}
              placeholder='例如 每天 18:00 后统一送到楼下'
              error={errors.delivery}
              onInput={(note) => change({ ...shop, delivery: { ...shop.delivery, note } })}
              testId='delivery-note'
            />
          </View>
        ) : null}
      </CellGroup>
      <Text className='sh-tip muted'>下单时买家只能从这里选择；已下的订单保留下单时的自提点或地址。</Text>
      <CellGroup title='校区'>
        <Cell
          title='课表与场景设置'
          label='节次时间、学校调休、课程场景、校园地图'
          arrow
          onClick={() => Taro.navigateTo({ url: '/packages/merchant/campus/index' })}
          testId='shop-campus-settings'
        />
      </CellGroup>
      <CellGroup title='客服'>
        <Cell
          title='客服问答'
          label='机器人自动回复的常见问题，和学生问过没答上的问题'
          arrow
          onClick={() => Taro.navigateTo({ url: '/packages/merchant/faq/index' })}
          testId='shop-faq-link'
        />
      </CellGroup>
      <ActionBar>
        <Button type='primary' size='large' block testId='shop-save' onClick={save}>
          保存设置
        </Button>
      </ActionBar>
      <Dialog
        open={editing !== null}
        title={editing && editing.index >= 0 ? '编辑自提点' : '添加自提点'}
        confirmText='确定'
        onConfirm={confirmPoint}
        onCancel={() => setEditing(null)}
        testId='pickup-dialog'
      >
        {editing ? (
          <View>
            <TextField
              label='名称'
              required
              value={editing.point.name}
              maxlength={30}
              placeholder='例如 东区快递站旁'
              error={editing.errors.name}
              onInput={setPoint('name')}
              testId='pickup-name'
            />
            <TextField
              label='具体位置'
              required
              value={editing.point.place}
              maxlength={60}
              placeholder='例如 东区 3 号楼一层'
              error={editing.errors.place}
              onInput={setPoint('place')}
              testId='pickup-place'
            />
            <TextField
              label='营业时间'
              required
              value={editing.point.hours}
              maxlength={60}
              placeholder='例如 每天 11:30-13:00、17:00-19:00'
              error={editing.errors.hours}
              onInput={setPoint('hours')}
              testId='pickup-hours'
            />
          </View>
        ) : null}
      </Dialog>
      <Dialog
        open={removing !== null}
        title='删除自提点'
        confirmText='删除'
        confirmType='danger'
        onConfirm={() => {
          if (removing !== null) change({ ...shop, pickupPoints: shop.pickupPoints.filter((_, j) => j !== removing) });
        }}
        onCancel={() => setRemoving(null)}
        testId='pickup-delete-dialog'
      >
        <Text>删除后新订单不能再选「{removing !== null ? shop.pickupPoints[removing]?.name : ''}」，已下的订单不受影响。保存后生效。</Text>
      </Dialog>
    </View>
  );
}
