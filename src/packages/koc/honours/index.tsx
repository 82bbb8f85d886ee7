// 徽章与证书: the student's badges (tier colour, when and why granted) and, for each program they
// are a KOC of, a certificate card (name, tier, program, date, verification code) with
// 保存证书图片. Anyone can check a code on the public 证书查验 page.

import { campusDay } from '@core/campus-days';
import type { CertificateView, HonoursResults } from '@core/contracts/koc-honours';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { kocCertificate, kocPrograms, myBadges } from '../../../api/koc';
import { Empty, toast } from '../../../components/ui';
import { CertificateSave } from './CertificateSave';
import { BADGE_TIER_COLOURS, BADGE_TIER_NAMES, chineseDate, TIER_COLOURS } from './certificate';
import './index.css';

type Badge = HonoursResults['myBadges']['items'][number];
type Cert = { merchantId: string; merchantName: string; cert: CertificateView | null; error: string };

function BadgeRow({ b }: { b: Badge }) {
  const colour = BADGE_TIER_COLOURS[b.tier];
  return (
    <View className='kh-badge' data-testid='badge'>
      <View className='kh-medal' style={{ background: colour }}>
        <Text className='kh-medal-text'>{BADGE_TIER_NAMES[b.tier]}</Text>
      </View>
      <View className='kh-badge-main'>
        <Text className='kh-badge-name' style={{ color: colour }}>
          {b.name}
        </Text>
        <Text className='muted'>
          {b.merchantName} · {chineseDate(campusDay(b.at))} 获得
        </Text>
        {b.reason ? <Text className='kh-reason'>{b.reason}</Text> : null}
      </View>
    </View>
  );
}

function CertificateCard({ c }: { c: Cert }) {
  if (!c.cert)
    return (
      <View className='section'>
        <Text className='kh-cert-shop'>{c.merchantName}</Text>
        <Text className='muted'>{c.error || '证书加载中…'}</Text>
      </View>
    );
  const cert = c.cert;
  return (
    <View className='section kh-cert' style={{ borderColor: TIER_COLOURS[cert.tier] }} data-testid='certificate'>
      <Text className='kh-cert-head'>达人证书</Text>
      <Text className='kh-cert-name'>{cert.name}</Text>
      <Text className='kh-cert-tier' style={{ color: TIER_COLOURS[cert.tier] }}>
        「{cert.program}」{cert.tierName}
      </Text>
      <Text className='muted'>颁发日期：{chineseDate(cert.date)}</Text>
      <View className='kh-code-row'>
        <Text className='muted'>证书编号：</Text>
        <Text className='kh-code' data-testid='certificate-code' userSelect>
          {cert.code}
        </Text>
      </View>
      <View className='kh-cert-actions'>
        <CertificateSave cert={cert} />
        <Text className='kh-link' onClick={() => Taro.navigateTo({ url: `/packages/koc/verify/index?code=${encodeURIComponent(cert.code)}` })}>
          查验证书 ›
        </Text>
      </View>
    </View>
  );
}

export default function KocHonours() {
  const [badges, setBadges] = useState<Badge[] | null>(null);
  const [certs, setCerts] = useState<Cert[]>([]);
  const [error, setError] = useState('');

  const load = async () => {
    setError('');
    const [b, p] = await Promise.all([myBadges(), kocPrograms()]);
    if (!b.ok) return setError(b.message);
    if (!p.ok) return setError(p.message);
    setBadges(b.data.items);
    const members = p.data.programs.filter((x) => x.member);
    setCerts(members.map((m) => ({ merchantId: m.merchantId, merchantName: m.merchantName, cert: null, error: '' })));
    const got = await Promise.all(members.map((m) => kocCertificate(m.merchantId)));
    setCerts(
      members.map((m, i) => {
        const r = got[i];
        return { merchantId: m.merchantId, merchantName: m.merchantName, cert: r.ok ? r.data : null, error: r.ok ? '' : r.message };
      }),
    );
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load().catch(() => toast('加载失败'));
    Taro.stopPullDownRefresh();
  });

  if (!badges)
    return (
      <View className='page'>
        {error ? <Empty title='加载失败' hint={error} actionText='重试' onAction={load} /> : <Text className='kh-loading'>加载中…</Text>}
      </View>
    );
  return (
    <View className='page kh-page'>
      <View className='section'>
        <Text className='section-title'>我的徽章</Text>
        {badges.length === 0 ? (
          <Text className='muted'>还没有徽章：完成订单、通过培训、升级等级都可能获得店铺的徽章。</Text>
        ) : (
          badges.map((b) => <BadgeRow key={`${b.merchantId}:${b.badgeId}`} b={b} />)
        )}
      </View>
      <Text className='kh-heading'>我的证书</Text>
      {certs.length === 0 ? (
        <Empty title='还没有证书' hint='入选店铺的达人计划后，这里会有你的达人证书' />
      ) : (
        certs.map((c) => <CertificateCard key={c.merchantId} c={c} />)
      )}
    </View>
  );
}
