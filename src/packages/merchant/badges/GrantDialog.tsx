// 手动颁发: a badge given by hand to one of the shop's KOCs, with the reason the KOC sees. The
// KOCs come from the pipeline's 已入选 column; while that view carries no member id (see the
// note below) the merchant can type the KOC's id instead.
import type { MerchantApplicationView } from '@core/contracts/koc';
import type { BadgeView } from '@core/contracts/koc-honours';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { grantBadge, listKocApplications } from '../../../api/koc';
import { Dialog, Field, TextAreaField, TextField } from '../../../components/ui';
import { type FieldErrors, serverErrors } from '../shared/form';
import { checkGrant } from './badge-form';

/** The member's openid when the pipeline's view carries it (the contract does not name it yet). */
const memberId = (a: MerchantApplicationView): string => {
  const x = a as MerchantApplicationView & { applicant?: unknown; openid?: unknown };
  return typeof x.applicant === 'string' ? x.applicant : typeof x.openid === 'string' ? x.openid : '';
};

export function GrantDialog({ badge, onClose, onDone }: { badge: BadgeView; onClose: () => void; onDone: (message: string) => void }) {
  const [members, setMembers] = useState<{ id: string; name: string }[] | null>(null);
  const [openid, setOpenid] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    void listKocApplications('selected').then((r) =>
      setMembers(r.ok ? r.data.items.map((a) => ({ id: memberId(a), name: a.nickname || '未命名达人' })).filter((m) => m.id) : []),
    );
  }, []);
  const confirm = async () => {
    const checked = checkGrant(badge.id, openid.trim(), reason);
    setErrors(checked.errors);
    if (!checked.input) return false;
    const res = await grantBadge(checked.input.badgeId, checked.input.openid, checked.input.reason);
    if (!res.ok) {
      if (res.code !== 'INVALID_INPUT') throw new Error(res.message);
      const e = serverErrors(res.message, ['openid', 'reason']);
      setErrors(e);
      if (e._) throw new Error(e._);
      return false;
    }
    onDone(res.data.granted ? `已颁发「${badge.name}」` : '这位达人已经有这枚徽章了');
  };
  return (
    <Dialog open title={`颁发「${badge.name}」`} confirmText='颁发' onConfirm={confirm} onCancel={onClose} testId='grant-dialog'>
      {members?.length ? (
        <Field label='达人' required error={errors.openid} testId='grant-member'>
          <View className='mb-chips'>
            {members.map((m) => (
              <Text key={m.id} className={`chip${openid === m.id ? ' chip-on' : ''}`} data-testid='grant-member-option' onClick={() => setOpenid(m.id)}>
                {m.name}
              </Text>
            ))}
          </View>
        </Field>
      ) : (
        <TextField
          label='达人编号'
          required
          value={openid}
          error={errors.openid}
          hint={members === null ? '加载达人中…' : '填写达人的用户编号'}
          onInput={setOpenid}
          testId='grant-openid'
        />
      )}
      <TextAreaField label='颁发理由（达人能看到）' required maxlength={100} value={reason} error={errors.reason} onInput={setReason} testId='grant-reason' />
    </Dialog>
  );
}
