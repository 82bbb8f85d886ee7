// 我的课表: the week grid (WakeUp's shape): 周一..周日 with dates across, the campus's sections
// down, each class a coloured block over its sections, holidays shaded with their name, today's
// column highlighted. A block opens the class with 上课提醒 (one subscribe grant = one message)
// and 编辑课程. No consent or no timetable: a way to the consent or import page instead.
import { campusDay } from '@core/campus-days';
import type { ClassView, TimetableResults } from '@core/contracts/timetable';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useMemo, useRef, useState } from 'react';
import { getTimetable, remind, timetableStatus, timetableWeek } from '../../../api/timetable';
import { Button, Empty, Sheet, toast } from '../../../components/ui';
import { useOpenedRef } from '../../../services/opened';
import { askSubscribe } from '../../../services/subscribe';
import { formatTime } from '../../../utils/time';
import { weeklyEvent } from '../calendar-event';
import { classTime, initialWeek, layoutWeek, rowCount, weekLabel } from '../grid';
import { CONSENT_VERSION, PAGES, shortDate, WEEKDAY_NAMES, weekdayOf } from '../shared';
import '../timetable.css';
import './index.css';

type Status = TimetableResults['status'];
type Week = TimetableResults['week'];

/** One section row's height, in design px (750 wide): 12 sections fit a phone screen and a half. */
const ROW = 104;
const go = (url: string) => Taro.navigateTo({ url });

export default function WeekPage() {
  useOpenedRef();
  const [status, setStatus] = useState<Status | null>(null);
  const [data, setData] = useState<Week | null>(null);
  const [error, setError] = useState('');
  const [picked, setPicked] = useState<ClassView | null>(null);
  // Teachers are not in a week's classes; the saved courses have them (read once).
  const [teachers, setTeachers] = useState<Record<string, string>>({});
  const [courseWeeks, setCourseWeeks] = useState<Record<string, number[]>>({});
  const shownWeek = useRef(0);

  const loadWeek = async (week?: number) => {
    const res = await timetableWeek(week);
    if (!res.ok) {
      // Revoked or deleted elsewhere since the status was read: show the way back in.
      if (res.code === 'NO_CONSENT') return setStatus((s) => s && { ...s, consented: false });
      if (res.code === 'NO_TIMETABLE') return setStatus((s) => s && { ...s, hasTimetable: false });
      return setError(res.message);
    }
    shownWeek.current = res.data.week;
    setData(res.data);
  };
  const load = async () => {
    setError('');
    const res = await timetableStatus();
    if (!res.ok) return setError(res.message);
    setStatus(res.data);
    if (!res.data.consented || !res.data.hasTimetable || !res.data.term) return setData(null);
    const { currentWeek, term } = res.data;
    await loadWeek(Math.min(shownWeek.current || initialWeek(currentWeek, term.weeks), term.weeks));
    void getTimetable().then((g) => {
      if (!g.ok) return;
      setTeachers(Object.fromEntries(g.data.courses.map((c) => [c.id, c.teacher])));
      setCourseWeeks(Object.fromEntries(g.data.courses.map((c) => [c.id, c.weeks])));
    });
  };
  useDidShow(() => void load());
  usePullDownRefresh(async () => {
    await load();
    Taro.stopPullDownRefresh();
  });

  const blocks = useMemo(() => (data ? layoutWeek(data.dates, data.classes) : []), [data]);
  const now = Date.now();
  const today = campusDay(now);

  if (!status || (status.consented && status.hasTimetable && status.term && !data))
    return (
      <View className='page'>
        {error ? <Empty title='课表没有加载出来' hint={error} actionText='重试' onAction={load} /> : <Text className='tt-loading'>加载中…</Text>}
      </View>
    );
  if (!status.consented || status.consentVersion < CONSENT_VERSION)
    return (
      <View className='page'>
        <Empty
          title='还没有授权使用课表'
          hint='授权后可以导入课表，在课间收到更合适的推荐'
          actionText='去授权'
          onAction={() => Taro.redirectTo({ url: PAGES.consent })}
          testId='week-no-consent'
        />
      </View>
    );
  if (!status.hasTimetable || !data)
    return (
      <View className='page'>
        <Empty
          title='还没有课表'
          hint='从 WakeUp、教务系统导出的文件导入，或者手动填写'
          actionText='导入课表'
          onAction={() => Taro.redirectTo({ url: PAGES.import })}
          testId='week-no-timetable'
        />
      </View>
    );

  const termWeeks = data.term.weeks;
  const rows = rowCount(data.sections, data.classes);
  const offDays = new Map(data.offDays.map((d) => [d.date, d.name]));
  const sectionStart = new Map(data.sections.map((s) => [s.n, s.start]));
  const canBack = data.week > 1;
  const canForward = data.week < termWeeks;
  const switchTo = (w: number) => {
    if (w >= 1 && w <= termWeeks && w !== data.week) void loadWeek(w);
  };

  const started = (c: ClassView) => c.date < today || (c.date === today && c.start <= formatTime(now));
  const remindClass = (c: ClassView) => {
    // WeChat shows its subscribe dialog only inside the tap: ask first, before any await.
    const asked = askSubscribe(status.templates.class);
    return asked.then(async (answer) => {
      if (answer === 'reject') return toast('你没有允许提醒，需要时再点一次');
      if (answer === 'unavailable') return toast('微信现在无法发送提醒，请稍后再试');
      const res = await remind({ kind: 'class', courseId: c.courseId, date: c.date });
      if (res.ok) toast(`会在上课前 ${status.classLeadMinutes} 分钟提醒你`);
      else toast(res.message, 'error');
    });
  };

  // Straight from the tap (WeChat asks the student before writing to the calendar).
  const addToCalendar = (c: ClassView) => {
    if (!status.term) return;
    const event = weeklyEvent({ ...c, week: data.week, day: weekdayOf(c.date) }, courseWeeks[c.courseId] ?? [], status.term.startDate, status.classLeadMinutes);
    if (!event.ok) return toast(event.reason);
    Taro.addPhoneRepeatCalendar(event.option).then(
      () => toast('已加到手机日历，每周上课前提醒'),
      () => toast('没有加到手机日历'),
    );
  };

  return (
    <View className='page wk-page'>
      <View className='wk-bar'>
        <View className='wk-switch'>
          <Text className={`wk-arrow${canBack ? '' : ' wk-arrow-off'}`} onClick={() => switchTo(data.week - 1)} data-testid='week-prev'>
            ‹
          </Text>
          <Text className='wk-label' data-testid='week-label' onClick={() => switchTo(initialWeek(status.currentWeek, termWeeks))}>
            {weekLabel(data.week, termWeeks)}
            {data.week === status.currentWeek ? <Text className='wk-now'>本周</Text> : null}
          </Text>
          <Text className={`wk-arrow${canForward ? '' : ' wk-arrow-off'}`} onClick={() => switchTo(data.week + 1)} data-testid='week-next'>
            ›
          </Text>
        </View>
        <View className='wk-links'>
          <Text className='wk-link' onClick={() => go(PAGES.edit)} data-testid='week-edit'>
            编辑
          </Text>
          <Text className='wk-link' onClick={() => go(PAGES.import)}>
            导入
          </Text>
          <Text className='wk-link' onClick={() => go(PAGES.reminders)}>
            提醒
          </Text>
        </View>
      </View>

      <View className='wk-head'>
        <Text className='wk-corner'>{shortDate(data.dates[0]).slice(0, 2)}月</Text>
        {data.dates.map((d) => (
          <View key={d} className={`wk-day${d === today ? ' wk-today' : ''}`}>
            <Text className='wk-day-name'>{WEEKDAY_NAMES[weekdayOf(d) - 1]}</Text>
            <Text className='wk-day-date'>{shortDate(d)}</Text>
          </View>
        ))}
      </View>

      <View className='wk-body' data-testid='week-grid'>
        <View className='wk-nodes'>
          {Array.from({ length: rows }, (_, i) => (
            <View key={i} className='wk-node' style={{ height: Taro.pxTransform(ROW) }}>
              <Text className='wk-node-n'>{i + 1}</Text>
              {sectionStart.get(i + 1) ? <Text className='wk-node-t'>{sectionStart.get(i + 1)}</Text> : null}
            </View>
          ))}
        </View>
        {data.dates.map((d, column) => (
          <View
            key={d}
            className={`wk-col${d === today ? ' wk-col-today' : ''}${offDays.has(d) ? ' wk-col-off' : ''}`}
            style={{ height: Taro.pxTransform(rows * ROW) }}
          >
            {offDays.has(d) ? <Text className='wk-off-name'>{offDays.get(d) || '放假'}</Text> : null}
            {blocks
              .filter((b) => b.column === column)
              .map((b) => (
                <View
                  key={b.key}
                  className='wk-block'
                  data-testid='week-block'
                  onClick={() => setPicked(b.cls)}
                  style={{
                    top: Taro.pxTransform(b.row * ROW + 2),
                    height: Taro.pxTransform(b.span * ROW - 4),
                    left: `calc(${(100 * b.lane) / b.lanes}% + 2px)`,
                    width: `calc(${100 / b.lanes}% - 4px)`,
                    background: b.color,
                  }}
                >
                  <Text className='wk-block-name'>{b.cls.name}</Text>
                  {b.cls.room ? <Text className='wk-block-room'>@{b.cls.room}</Text> : null}
                </View>
              ))}
          </View>
        ))}
      </View>
      {data.classes.length === 0 ? <Text className='wk-empty-week'>这周没有课</Text> : null}

      <Sheet open={picked !== null} title={picked?.name} onClose={() => setPicked(null)} testId='class-sheet'>
        {picked ? (
          <View>
            <View className='wk-sheet-row'>
              <Text className='wk-sheet-key'>时间</Text>
              <Text className='wk-sheet-val'>
                {shortDate(picked.date)} {WEEKDAY_NAMES[weekdayOf(picked.date) - 1]} {classTime(picked)}（第{picked.startNode}
                {picked.endNode > picked.startNode ? `-${picked.endNode}` : ''}节）
              </Text>
            </View>
            <View className='wk-sheet-row'>
              <Text className='wk-sheet-key'>地点</Text>
              <Text className='wk-sheet-val'>{picked.room || '未填写'}</Text>
            </View>
            {teachers[picked.courseId] ? (
              <View className='wk-sheet-row'>
                <Text className='wk-sheet-key'>老师</Text>
                <Text className='wk-sheet-val'>{teachers[picked.courseId]}</Text>
              </View>
            ) : null}
            <View className='wk-sheet-actions' style={{ marginTop: Taro.pxTransform(28) }}>
              <Button block onClick={() => go(`${PAGES.edit}?id=${encodeURIComponent(picked.courseId)}`)} testId='class-edit'>
                编辑课程
              </Button>
              {started(picked) ? null : (
                <Button type='primary' block onClick={() => remindClass(picked)} testId='class-remind'>
                  上课提醒
                </Button>
              )}
              {process.env.TARO_ENV === 'weapp' ? (
                <Button block onClick={() => addToCalendar(picked)} testId='class-calendar'>
                  加到手机日历
                </Button>
              ) : null}
            </View>
            <Text className='wk-sheet-note'>
              {started(picked) ? '这节课已经开始或结束了。' : `点一次提醒一次：上课前 ${status.classLeadMinutes} 分钟通过微信服务通知提醒你，上课时不会打扰。`}
            </Text>
          </View>
        ) : null}
      </Sheet>
    </View>
  );
}
