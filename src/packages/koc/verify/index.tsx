// 证书查验: anyone (a recruiter, a teacher) types a certificate code, or opens the page with
// ?code=, and sees the certificate's fields when the code is genuine. The check is the public
// koc.verifyCertificate: a made-up code, or a certificate whose fields were changed, finds nothing.
import type { CertificateView } from '@core/contracts/koc-honours';
import { Input, Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { verifyCertificate } from '../../../api/koc';
import { Button } from '../../../components/ui';
import { safeDecode } from '../../../utils/query';
import { chineseDate, TIER_COLOURS } from '../honours/certificate';
import './index.css';

type Outcome = { kind: 'genuine'; cert: CertificateView } | { kind: 'unknown' } | { kind: 'error'; message: string } | null;

export default function VerifyCertificate() {
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);

  const check = async (raw = code) => {
    const c = raw.trim().toUpperCase();
    if (!c) return setOutcome({ kind: 'error', message: '请输入证书编号' });
    const res = await verifyCertificate(c);
    if (res.ok) return setOutcome({ kind: 'genuine', cert: res.data });
    // NOT_FOUND and a malformed code alike: the certificate cannot be vouched for.
    if (res.code === 'NOT_FOUND' || res.code === 'INVALID_INPUT') return setOutcome({ kind: 'unknown' });
    setOutcome({ kind: 'error', message: res.message });
  };
  useLoad((p) => {
    const c = safeDecode(p.code);
    if (c) {
      setCode(c);
      void check(c);
    }
  });

  return (
    <View className='page kv-page'>
      <View className='section'>
        <Text className='section-title'>查验达人证书</Text>
        <Text className='muted'>输入证书上的编号，核对证书是否由校园种草颁发、内容是否被改动。</Text>
        <Input
          className='kv-input'
          value={code}
          placeholder='证书编号'
          placeholderClass='ui-placeholder'
          maxlength={40}
          data-testid='verify-code'
          onInput={(e) => {
            setCode(e.detail.value);
            setOutcome(null);
          }}
          onConfirm={() => void check()}
        />
        <Button type='primary' block testId='verify-submit' onClick={() => check()}>
          查验
        </Button>
      </View>
      {outcome?.kind === 'genuine' ? (
        <View className='section kv-ok' data-testid='verify-result' style={{ borderColor: TIER_COLOURS[outcome.cert.tier] }}>
          <Text className='kv-ok-title'>✓ 证书真实有效</Text>
          <View className='kv-row'>
            <Text className='kv-label'>姓名</Text>
            <Text className='kv-value'>{outcome.cert.name}</Text>
          </View>
          <View className='kv-row'>
            <Text className='kv-label'>等级</Text>
            <Text className='kv-value' style={{ color: TIER_COLOURS[outcome.cert.tier] }}>
              {outcome.cert.tierName}
            </Text>
          </View>
          <View className='kv-row'>
            <Text className='kv-label'>达人计划</Text>
            <Text className='kv-value'>{outcome.cert.program}</Text>
          </View>
          <View className='kv-row'>
            <Text className='kv-label'>颁发日期</Text>
            <Text className='kv-value'>{chineseDate(outcome.cert.date)}</Text>
          </View>
          <View className='kv-row'>
            <Text className='kv-label'>证书编号</Text>
            <Text className='kv-value kv-code' data-testid='certificate-code'>
              {outcome.cert.code}
            </Text>
          </View>
        </View>
      ) : outcome?.kind === 'unknown' ? (
        <View className='section kv-bad' data-testid='verify-result'>
          <Text className='kv-bad-title'>证书编号不存在或已被篡改</Text>
          <Text className='muted'>请核对编号是否输入正确；仍查不到的证书不是校园种草颁发的。</Text>
        </View>
      ) : outcome?.kind === 'error' ? (
        <Text className='kv-error'>{outcome.message}</Text>
      ) : null}
    </View>
  );
}
