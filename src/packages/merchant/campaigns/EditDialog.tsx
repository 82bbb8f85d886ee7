// 编辑活动: group price, end time, stock and the per-student limit of a running campaign.
import type { MerchantCampaignRow } from '@core/contracts/groupbuy';
import { formatFen } from '@core/money';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { type CampaignPatch, updateCampaign } from '../../../api/merchant-shop';
import { Dialog, TextField, toast } from '../../../components/ui';
import { pickerValues } from '../shared/campus';
import { DateTimeField } from '../shared/DateTimeField';
import { type FieldErrors, serverErrors, yuanOf } from '../shared/form';
import { CAMPAIGN_FALLBACK, checkUpdate, type EditForm, type ProductChoice, UPDATE_FIELDS } from './rules';

const formOf = (c: MerchantCampaignRow): EditForm => {
  const end = pickerValues(c.endAt);
  return { price: yuanOf(c.groupPriceFen), endDay: end.day, endClock: end.clock, stock: String(c.stock), limit: String(c.perStudentLimit) };
};

export function EditDialog({
  campaign,
  product,
  onClose,
  onSaved,
}: {
  campaign: MerchantCampaignRow | null;
  product?: ProductChoice;
  onClose: () => void;
  onSaved: () => unknown;
}) {
  const [form, setForm] = useState<EditForm | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    setForm(campaign ? formOf(campaign) : null);
    setErrors({});
  }, [campaign]);

  const set = (patch: Partial<EditForm>, field: string) => {
    if (!form) return;
    setForm({ ...form, ...patch });
    setErrors({ ...errors, [field]: '' });
  };
  const save = async () => {
    if (!campaign || !form) return false;
    const checked = checkUpdate(campaign.id, form, campaign.startAt, product);
    if (!checked.input) {
      setErrors(checked.errors);
      return false;
    }
    // Only what changed: an untouched field must not overwrite a concurrent change on the server.
    const patch: CampaignPatch = { campaignId: campaign.id };
    const input = checked.input;
    if (input.groupPriceFen !== undefined && input.groupPriceFen !== campaign.groupPriceFen) patch.groupPriceFen = input.groupPriceFen;
    if (input.endAt !== undefined && input.endAt !== campaign.endAt) patch.endAt = input.endAt;
    if (input.stock !== undefined && input.stock !== campaign.stock) patch.stock = input.stock;
    if (input.perStudentLimit !== undefined && input.perStudentLimit !== campaign.perStudentLimit) patch.perStudentLimit = input.perStudentLimit;
    if (Object.keys(patch).length === 1) return true;
    const res = await updateCampaign(patch);
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') setErrors(serverErrors(res.message, UPDATE_FIELDS, CAMPAIGN_FALLBACK));
      else toast(res.message);
      return false;
    }
    toast('已保存', 'success');
    await onSaved();
    return true;
  };

  return (
    <Dialog open={Boolean(campaign && form)} title='编辑活动' confirmText='保存' onConfirm={save} onCancel={onClose} testId='campaign-edit-dialog'>
      {form ? (
        <View className='mc-edit'>
          <TextField
            label='拼团价（元）'
            type='digit'
            value={form.price}
            hint={product ? `商品价 ${formatFen(product.priceFen)}` : undefined}
            error={errors.groupPriceFen}
            onInput={(price) => set({ price }, 'groupPriceFen')}
            testId='campaign-edit-price'
          />
          <DateTimeField
            label='结束时间'
            day={form.endDay}
            clock={form.endClock}
            error={errors.endAt}
            onChange={(endDay, endClock) => set({ endDay, endClock }, 'endAt')}
            testId='campaign-edit-end'
          />
          <TextField
            label='库存（件）'
            type='number'
            value={form.stock}
            hint='可售的剩余库存，不含进行中的团占用的'
            error={errors.stock}
            onInput={(stock) => set({ stock }, 'stock')}
            testId='campaign-edit-stock'
          />
          <TextField
            label='每人限购（件）'
            type='number'
            value={form.limit}
            error={errors.perStudentLimit}
            onInput={(limit) => set({ limit }, 'perStudentLimit')}
            testId='campaign-edit-limit'
          />
        </View>
      ) : null}
    </Dialog>
  );
}
