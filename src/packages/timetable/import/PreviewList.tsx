// What a preview found: every course read (name, 周一 第1-2节, weeks, room, teacher) and every
// line left out with its line number and why, so the student can fix the file or add by hand.
import type { TimetableResults } from '@core/contracts/timetable';
import { Text, View } from '@tarojs/components';
import { formatWeeks, slotText } from '../shared';

export function PreviewList({ preview }: { preview: TimetableResults['preview'] }) {
  return (
    <>
      <View className='section' data-testid='import-preview'>
        <Text className='section-title'>
          读到的课程<Text className='im-count'>{preview.courses.length} 门</Text>
        </Text>
        {preview.courses.length === 0 ? <Text className='muted'>没有读到课程：看看下面的提示，或者换一种格式再试。</Text> : null}
        {preview.courses.map((c, i) => (
          <View key={`${c.name}-${c.day}-${c.startNode}-${i}`} className='im-course' data-testid='import-course'>
            <Text className='im-course-name'>{c.name}</Text>
            <Text className='im-course-sub'>{[slotText(c), formatWeeks(c.weeks), c.room, c.teacher].filter(Boolean).join(' · ')}</Text>
          </View>
        ))}
      </View>
      {preview.warnings.length ? (
        <View className='section' data-testid='import-warnings'>
          <Text className='section-title'>
            没读进来的内容<Text className='im-count'>{preview.warnings.length} 处</Text>
          </Text>
          {preview.warnings.map((w, i) => (
            <View key={`${w.line ?? 'x'}-${i}`} className='im-warn' data-testid='import-warning'>
              <Text className='im-warn-head'>
                {w.line ? `第 ${w.line} 行：` : ''}
                {w.reason}
              </Text>
              {w.text ? <Text className='im-warn-text'>{w.text}</Text> : null}
            </View>
          ))}
        </View>
      ) : null}
    </>
  );
}
