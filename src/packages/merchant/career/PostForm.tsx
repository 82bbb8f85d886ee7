// 发布实习: title, description and the deadline in campus time; field errors from the contract
// (and the server's INVALID_INPUT split back onto the same fields).
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { newRequestId } from '../../../api/groupbuy';
import { postInternship } from '../../../api/koc-career';
import { Button, TextAreaField, TextField, toast } from '../../../components/ui';
import { DateTimeField } from '../shared/DateTimeField';
import { type FieldErrors, serverErrors } from '../shared/form';
import { checkPost, type PostForm as Form, freshPostForm, POST_FALLBACK, POST_FIELDS } from './career-form';

export interface Posted {
  id: string;
  title: string;
  deadline: number;
  open: boolean;
}

const freshForm = (): Form => freshPostForm(Date.now());

export function PostForm({ onPosted }: { onPosted: (p: Posted) => void }) {
  const [form, setForm] = useState<Form>(freshForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  // One id per submission: a retry after a lost answer posts the same internship, not a second.
  const [requestId, setRequestId] = useState(newRequestId);
  const set = (patch: Partial<Form>, field: string) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors((e) => ({ ...e, [field]: '', _: '' }));
  };
  const submit = async () => {
    const checked = checkPost(form, requestId, Date.now());
    if (!checked.input) return setErrors(checked.errors);
    setSaving(true);
    const res = await postInternship(checked.input);
    setSaving(false);
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') return setErrors(serverErrors(res.message, POST_FIELDS, POST_FALLBACK));
      return toast(res.message);
    }
    onPosted({ id: res.data.internshipId, title: checked.input.title, deadline: checked.input.deadline, open: true });
    toast('已发布', 'success');
    setForm(freshForm());
    setErrors({});
    setRequestId(newRequestId());
  };
  return (
    <View className='section'>
      <Text className='section-title'>发布实习</Text>
      <Text className='mc-note'>只有你店铺的达人能看到并申请；申请时会附上他们在你店的达人记录。</Text>
      <TextField
        label='岗位名称'
        required
        value={form.title}
        maxlength={40}
        placeholder='例如：门店新媒体运营实习生'
        error={errors.title}
        onInput={(title) => set({ title }, 'title')}
        testId='internship-title'
      />
      <TextAreaField
        label='岗位说明'
        required
        value={form.description}
        maxlength={1000}
        placeholder='工作内容、时间地点、待遇和要求'
        error={errors.description}
        onInput={(description) => set({ description }, 'description')}
        testId='internship-description'
      />
      <DateTimeField
        label='申请截止'
        required
        day={form.deadlineDay}
        clock={form.deadlineClock}
        error={errors.deadline}
        onChange={(deadlineDay, deadlineClock) => set({ deadlineDay, deadlineClock }, 'deadline')}
        testId='internship-deadline'
      />
      {errors._ ? <Text className='mc-error'>{errors._}</Text> : null}
      <Button type='primary' block loading={saving} disabled={saving} testId='internship-post' onClick={submit}>
        发布
      </Button>
    </View>
  );
}
