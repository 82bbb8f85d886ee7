// 课表授权: what the timetable is used for (the contract's purpose text, kept with the grant),
// 同意并继续 / 暂不; once granted, 导出课表 (CSV to copy) and 撤回授权并删除课表, which says exactly
// what goes before it deletes anything.
import type { TimetableResults } from '@core/contracts/timetable';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { exportTimetable, giveConsent, revokeTimetable, timetableStatus } from '../../../api/timetable';
import { Button, Cell, CellGroup, Dialog, Empty, Sheet, Tag, toast } from '../../../components/ui';
import { CONSENT_PURPOSE, CONSENT_VERSION, PAGES } from '../shared';
import '../timetable.css';
import './index.css';

type Status = TimetableResults['status'];
type Exported = TimetableResults['export'];

const goHome = () => Taro.switchTab({ url: '/pages/index/index' });
const leave = () => (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : goHome());

export default function Consent() {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState('');
  const [exported, setExported] = useState<Exported | null>(null);
  const [revoking, setRevoking] = useState(false);

  const load = async () => {
    setError('');
    const res = await timetableStatus();
    if (res.ok) setStatus(res.data);
    else setError(res.message);
  };
  useDidShow(() => void load());

  const agree = async () => {
    const res = await giveConsent(true, CONSENT_VERSION);
    if (!res.ok) return toast(res.message, 'error');
    toast('已授权', 'success');
    const url = status?.hasTimetable ? PAGES.week : PAGES.import;
    setTimeout(() => void Taro.redirectTo({ url }), 600);
  };
  const openExport = async () => {
    const res = await exportTimetable();
    if (res.ok) setExported(res.data);
    else toast(res.code === 'NO_TIMETABLE' ? '还没有课表可以导出' : res.message, 'error');
  };
  const copy = () =>
    Taro.setClipboardData({ data: exported?.csv ?? '' })
      .then(() => toast('课表已复制', 'success'))
      .catch(() => toast('复制失败，请长按文字手动复制'));
  const revoke = async () => {
    const res = await revokeTimetable();
    if (!res.ok) throw new Error(res.message);
    toast('课表已删除', 'success');
    setTimeout(goHome, 800);
  };

  if (!status)
    return (
      <View className='page'>
        {error ? <Empty title='没有加载出来' hint={error} actionText='重试' onAction={load} /> : <Text className='tt-loading'>加载中…</Text>}
      </View>
    );

  // A grant for an older text asks again: the student agreed to what they read then.
  const granted = status.consented && status.consentVersion >= CONSENT_VERSION;
  return (
    <View className='page'>
      <View className='section'>
        <Text className='section-title'>课表怎么用</Text>
        <Text className='cs-purpose' data-testid='consent-purpose'>
          {CONSENT_PURPOSE}
        </Text>
      </View>
      {granted ? (
        <>
          <CellGroup title='我的课表'>
            <Cell title='授权状态' value={<Tag tone='success'>已同意</Tag>} />
            <Cell
              title={status.hasTimetable ? '查看课表' : '导入课表'}
              label={status.hasTimetable ? `${status.courseCount} 门课` : '还没有导入课表'}
              arrow
              onClick={() => Taro.navigateTo({ url: status.hasTimetable ? PAGES.week : PAGES.import })}
              testId='consent-open'
            />
            {status.hasTimetable ? <Cell title='导出课表' label='CSV 表格文字，可复制保存' arrow onClick={openExport} testId='consent-export' /> : null}
          </CellGroup>
          <View className='tt-actions'>
            <Button type='danger' block onClick={() => setRevoking(true)} testId='consent-revoke'>
              撤回授权并删除课表
            </Button>
          </View>
        </>
      ) : (
        <>
          {status.consented ? <Text className='tt-note'>说明更新了，请再看一遍并重新确认。</Text> : null}
          <View className='tt-actions'>
            <Button block onClick={leave} testId='consent-later'>
              暂不
            </Button>
            <Button type='primary' block onClick={agree} testId='consent-agree'>
              同意并继续
            </Button>
          </View>
          <Text className='tt-note'>不授权也能正常逛和买，只是首页不会按你的课间推荐。</Text>
        </>
      )}

      <Sheet
        open={exported !== null}
        title='导出课表'
        onClose={() => setExported(null)}
        testId='export-sheet'
        footer={
          <Button type='primary' block onClick={copy} testId='export-copy'>
            复制
          </Button>
        }
      >
        <Text className='cs-file'>{exported?.fileName}（复制后可粘贴到备忘录或文件里保存）</Text>
        <Text className='cs-csv' userSelect data-testid='export-csv'>
          {exported?.csv}
        </Text>
      </Sheet>

      <Dialog
        open={revoking}
        title='撤回授权并删除课表？'
        confirmText='删除'
        confirmType='danger'
        onConfirm={revoke}
        onCancel={() => setRevoking(false)}
        testId='revoke-dialog'
      >
        <Text className='cs-deleted'>
          将立即删除：{'\n'}· 你的课表{status.courseCount ? `（${status.courseCount} 门课）` : ''}和学期设置{'\n'}· 由课表算出的空闲时间和场景标签{'\n'}·
          你的上课提醒（发出的和没发出的）{'\n'}· 同课拼团资格{'\n'}删除后首页不再按课表推荐，需要时可以重新授权并导入。
        </Text>
      </Dialog>
    </View>
  );
}
