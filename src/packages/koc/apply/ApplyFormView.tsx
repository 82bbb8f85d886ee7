// The application form: social accounts with proof screenshots, 1-3 categories with a short
// self-assessment, a portfolio, and consent to the program's terms. Errors sit under their
// fields; the server's INVALID_INPUT lands there too, other refusals (an open application, the
// cooldown) read plainly above the button.
import { Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { newRequestId } from '../../../api/groupbuy';
import { kocApply } from '../../../api/koc';
import { PrivacySheet } from '../../../components/PrivacySheet';
import { ActionBar, Button, Field, ImageUpload, TextAreaField, TextField, toast } from '../../../components/ui';
import {
  type ApplyErrors,
  type ApplyForm,
  checkApply,
  emptyApplyForm,
  emptySocial,
  KOC_CATEGORIES,
  MAX_CATEGORIES,
  MAX_IMAGES,
  MAX_PROOFS,
  MAX_SOCIALS,
  PLATFORMS,
  type SocialForm,
  serverApplyErrors,
} from './form';

export const TERMS = [
  '申请和入选都不收任何费用。',
  '推荐别人成为达人不会得到任何收益，佣金只来自同学通过你的分享下单。',
  '达人等级只看你自己的成交，不看你带来了多少人。',
  '你填写的账号和截图只给这家店铺审核使用。',
];

export function ApplyFormView({ merchantId, onDone }: { merchantId: string; onDone: () => void }) {
  const [form, setForm] = useState<ApplyForm>(emptyApplyForm);
  const [errors, setErrors] = useState<ApplyErrors>({});
  const [sendError, setSendError] = useState('');
  const [sending, setSending] = useState(false);
  // One id per intent: a retry after a lost answer does not make a second application.
  const requestId = useRef(newRequestId());

  const patch = (next: Partial<ApplyForm>, ...keys: string[]) => {
    setForm((f) => ({ ...f, ...next }));
    if (keys.some((k) => errors[k])) setErrors((e) => ({ ...e, ...Object.fromEntries(keys.map((k) => [k, ''])) }));
  };
  const editSocial = (i: number, p: Partial<SocialForm>) =>
    patch({ socials: form.socials.map((s, j) => (j === i ? { ...s, ...p } : s)) }, ...Object.keys(p).map((k) => `socials.${i}.${k}`), 'socials');
  const toggleCategory = (category: string) => {
    const has = form.categories.some((c) => c.category === category);
    if (!has && form.categories.length >= MAX_CATEGORIES) return toast(`最多选 ${MAX_CATEGORIES} 个品类`);
    patch({ categories: has ? form.categories.filter((c) => c.category !== category) : [...form.categories, { category, selfAssessment: '' }] }, 'categories');
  };

  const submit = async () => {
    setSendError('');
    const checked = checkApply(merchantId, requestId.current, form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return toast('请按提示修改后再提交');
    }
    setSending(true);
    const res = await kocApply(checked.value);
    setSending(false);
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') {
        const e = serverApplyErrors(res.message);
        setErrors(e);
        if (e._) setSendError(e._);
      } else setSendError(res.message);
      return;
    }
    toast('已提交，等待商家初筛', 'success');
    onDone();
  };

  return (
    <View data-testid='koc-apply'>
      <View className='section'>
        <Text className='section-title'>社交账号</Text>
        {form.socials.map((s, i) => {
          const k = `socials.${i}.`;
          return (
            <View key={i} className='ka-social' data-testid='apply-social'>
              <View className='ka-social-head'>
                <Text className='ka-social-no'>账号 {i + 1}</Text>
                {form.socials.length > 1 ? (
                  <Text className='ka-remove' onClick={() => patch({ socials: form.socials.filter((_, j) => j !== i) }, 'socials')}>
                    删除
                  </Text>
                ) : null}
              </View>
              <Field label='平台' required error={errors[`${k}platform`]} testId={`apply-platform-${i}`}>
                <View className='ka-chips'>
                  {PLATFORMS.map((p) => (
                    <Text key={p} className={`chip${s.platform === p ? ' chip-on' : ''}`} onClick={() => editSocial(i, { platform: p })}>
                      {p}
                    </Text>
                  ))}
                </View>
              </Field>
              <TextField
                label='账号名'
                required
                value={s.handle}
                maxlength={60}
                placeholder='例如 小林的宿舍好物'
                error={errors[`${k}handle`]}
                onInput={(handle) => editSocial(i, { handle })}
                testId={`apply-handle-${i}`}
              />
              <TextField
                label='主页链接（选填）'
                value={s.link}
                maxlength={200}
                error={errors[`${k}link`]}
                onInput={(link) => editSocial(i, { link })}
                testId={`apply-link-${i}`}
              />
              <View className='ka-pair'>
                <TextField
                  label='粉丝数'
                  required
                  type='number'
                  value={s.followers}
                  error={errors[`${k}followers`]}
                  onInput={(followers) => editSocial(i, { followers })}
                  testId={`apply-followers-${i}`}
                />
                <TextField
                  label='平均互动'
                  required
                  type='number'
                  value={s.avgInteractions}
                  hint='每篇的赞、评论、收藏'
                  error={errors[`${k}avgInteractions`]}
                  onInput={(avgInteractions) => editSocial(i, { avgInteractions })}
                  testId={`apply-interactions-${i}`}
                />
              </View>
              <Field label={`截图证明（最多 ${MAX_PROOFS} 张）`} error={errors[`${k}proofImages`]} hint='主页粉丝数和近期笔记数据的截图，没有截图会被标记'>
                <ImageUpload
                  value={s.proofImages}
                  max={MAX_PROOFS}
                  folder='koc'
                  onChange={(proofImages) => editSocial(i, { proofImages })}
                  testId={`apply-proofs-${i}`}
                />
              </Field>
            </View>
          );
        })}
        {errors.socials ? <Text className='ka-error'>{errors.socials}</Text> : null}
        {form.socials.length < MAX_SOCIALS ? (
          <Button size='small' onClick={() => patch({ socials: [...form.socials, emptySocial()] }, 'socials')} testId='apply-add-social'>
            再加一个账号
          </Button>
        ) : null}
      </View>

      <View className='section'>
        <Text className='section-title'>擅长的品类（1-{MAX_CATEGORIES} 个）</Text>
        <Field label='品类' required error={errors.categories} testId='apply-categories'>
          <View className='ka-chips'>
            {KOC_CATEGORIES.map((c) => (
              <Text key={c} className={`chip${form.categories.some((x) => x.category === c) ? ' chip-on' : ''}`} onClick={() => toggleCategory(c)}>
                {c}
              </Text>
            ))}
          </View>
        </Field>
        {form.categories.map((c, i) => (
          <TextAreaField
            key={c.category}
            label={`${c.category}：简单说说你的经验（选填）`}
            value={c.selfAssessment}
            maxlength={200}
            error={errors[`categories.${i}.selfAssessment`]}
            onInput={(selfAssessment) =>
              patch({ categories: form.categories.map((x, j) => (j === i ? { ...x, selfAssessment } : x)) }, `categories.${i}.selfAssessment`)
            }
            testId={`apply-self-${i}`}
          />
        ))}
      </View>

      <View className='section'>
        <Text className='section-title'>作品（选填）</Text>
        <TextAreaField
          label='作品链接，一行一个（最多 5 个）'
          value={form.links}
          maxlength={1100}
          error={errors['portfolio.links']}
          onInput={(links) => patch({ links }, 'portfolio.links')}
          testId='apply-links'
        />
        <Field label={`作品图片（最多 ${MAX_IMAGES} 张）`} error={errors['portfolio.images']}>
          <ImageUpload value={form.images} max={MAX_IMAGES} folder='koc' onChange={(images) => patch({ images }, 'portfolio.images')} testId='apply-images' />
        </Field>
      </View>

      <View className='section'>
        <Text className='section-title'>达人计划条款</Text>
        {TERMS.map((t) => (
          <Text key={t} className='ka-term'>
            · {t}
          </Text>
        ))}
        <View className='ka-consent' data-testid='apply-consent' onClick={() => patch({ consent: !form.consent }, 'consent')}>
          <View className={`ka-check${form.consent ? ' ka-check-on' : ''}`}>{form.consent ? '✓' : ''}</View>
          <Text>我已阅读并同意以上条款</Text>
        </View>
        {errors.consent ? <Text className='ka-error'>{errors.consent}</Text> : null}
      </View>

      {sendError ? (
        <Text className='ka-error ka-send-error' data-testid='apply-error'>
          {sendError}
        </Text>
      ) : null}
      {/* Choosing screenshots is a privacy API (album, camera): consent first, through our sheet. */}
      <PrivacySheet />
      <ActionBar>
        <Button type='primary' size='large' block loading={sending} testId='apply-submit' onClick={submit}>
          提交申请
        </Button>
      </ActionBar>
    </View>
  );
}
