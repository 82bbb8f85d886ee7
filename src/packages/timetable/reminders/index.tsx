// 我的提醒: every reminder the student asked for, when it goes out (campus time) and where it is
// (待发送/已发送/未送达/已取消); a planned one can be cancelled.
import type { ReminderView } from '@core/contracts/timetable';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { cancelReminder, myReminders } from '../../../api/timetable';
import { Cell, CellGroup, Empty, Tag, type TagTone, toast } from '../../../components/ui';
import { formatShortDateTime } from '../../../utils/time';
import { PAGES } from '../shared';
import '../timetable.css';
import './index.css';

const STATES: Record<ReminderView['state'], { text: string; tone: TagTone }> = {
  waiting: { text: '等结果', tone: 'info' },
  planned: { text: '待发送', tone: 'info' },
  sent: { text: '已发送', tone: 'success' },
  failed: { text: '未送达', tone: 'danger' },
  cancelled: { text: '已取消', tone: 'neutral' },
};
const KINDS: Record<ReminderView['kind'], string> = { class: '上课提醒', pickup: '自提提醒', group_result: '拼团结果' };

export default function Reminders() {
  const [list, setList] = useState<ReminderView[] | null>(null);
  const [error, setError] = useState('');
  // A cancel in flight ignores a second tap on the same row.
  const busy = useRef(new Set<string>()).current;

  const load = async () => {
    setError('');
    const res = await myReminders();
    if (res.ok) setList([...res.data.reminders].sort((a, b) => b.sendAt - a.sendAt));
    else setError(res.message);
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  const cancel = async (r: ReminderView) => {
    if (busy.has(r.id)) return;
    busy.add(r.id);
    const res = await cancelReminder(r.id);
    busy.delete(r.id);
    if (!res.ok) {
      toast(res.message, 'error');
      // Sent or being sent meanwhile: show where it is now.
      if (res.code === 'BAD_STATE') await load();
      return;
    }
    toast('已取消', 'success');
    await load();
  };

  if (!list)
    return (
      <View className='page'>
        {error ? <Empty title='提醒没有加载出来' hint={error} actionText='重试' onAction={load} /> : <Text className='tt-loading'>加载中…</Text>}
      </View>
    );
  return (
    <View className='page'>
      <Text className='rm-intro'>提醒只在你点了“上课提醒”等按钮时才发，点一次发一次，上课时间不会发。</Text>
      {list.length === 0 ? (
        <Empty
          title='还没有提醒'
          hint='在课表里点一节课，再点“上课提醒”'
          actionText='查看课表'
          onAction={() => Taro.redirectTo({ url: PAGES.week })}
          testId='reminders-empty'
        />
      ) : (
        <CellGroup testId='reminders-list'>
          {list.map((r) => (
            <Cell
              key={r.id}
              title={r.title || KINDS[r.kind]}
              label={`${KINDS[r.kind]} · ${
                r.state === 'waiting'
                  ? `成团或截止时发送（最晚 ${formatShortDateTime(r.sendAt)}）`
                  : r.state === 'planned'
                    ? `将于 ${formatShortDateTime(r.sendAt)} 发送`
                    : formatShortDateTime(r.sendAt)
              }`}
              testId='reminder'
              value={
                <View className='rm-value'>
                  <Tag tone={STATES[r.state].tone}>{STATES[r.state].text}</Tag>
                  {r.state === 'planned' || r.state === 'waiting' ? (
                    <Text className='rm-cancel' onClick={() => void cancel(r)} data-testid='reminder-cancel'>
                      取消
                    </Text>
                  ) : null}
                </View>
              }
            />
          ))}
        </CellGroup>
      )}
    </View>
  );
}
