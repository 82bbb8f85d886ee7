// The dialogs that edit one row of the campus settings: a school 调休 rule, a scene's keywords,
// a place on the map. Each edits a copy; the page checks the whole form on save.
import { SCENES } from '@core/timetable/model';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Dialog, Field, TextField } from '../../../components/ui';
import { type CalendarRow, KIND_LABELS, type PlaceRow, SCENE_LABELS, type SceneRow, WEEKDAYS } from './form';

interface RowDialogProps<T> {
  /** null: closed. */
  value: T | null;
  isNew: boolean;
  error?: string;
  onChange: (value: T) => void;
  onConfirm: () => boolean;
  onCancel: () => void;
}

function Choice<K extends string>({ options, value, onChange, testId }: { options: Record<K, string>; value: K; onChange: (k: K) => void; testId: string }) {
  return (
    <View className='cs-choice'>
      {(Object.keys(options) as K[]).map((k) => (
        <Button key={k} size='small' type={k === value ? 'primary' : 'default'} testId={`${testId}-${k}`} onClick={() => onChange(k)}>
          {options[k]}
        </Button>
      ))}
    </View>
  );
}

export function CalendarDialog({ value, isNew, error, onChange, onConfirm, onCancel }: RowDialogProps<CalendarRow>) {
  return (
    <Dialog open={value !== null} title={isNew ? '添加调休规则' : '编辑调休规则'} onConfirm={onConfirm} onCancel={onCancel} testId='calendar-dialog'>
      {value ? (
        <View>
          <Field label='日期' required>
            <Picker mode='date' value={value.date} onChange={(e) => onChange({ ...value, date: String(e.detail.value) })}>
              <View className='cs-picker' data-testid='calendar-date'>
                <Text>{value.date || '选择日期'}</Text>
              </View>
            </Picker>
          </Field>
          <Field label='这一天'>
            <Choice
              options={{ off: '停课', follows: '调课（按另一天上课）' }}
              value={value.kind}
              onChange={(kind) => onChange({ ...value, kind })}
              testId='calendar-kind'
            />
          </Field>
          {value.kind === 'follows' ? (
            <View className='cs-follows'>
              <TextField
                label='按第几周'
                type='number'
                value={value.week}
                placeholder='1-30'
                onInput={(week) => onChange({ ...value, week })}
                testId='calendar-week'
              />
              <Field label='星期几的课'>
                <Picker mode='selector' range={WEEKDAYS} value={value.day - 1} onChange={(e) => onChange({ ...value, day: Number(e.detail.value) + 1 })}>
                  <View className='cs-picker' data-testid='calendar-day'>
                    <Text>{WEEKDAYS[value.day - 1]}</Text>
                  </View>
                </Picker>
              </Field>
            </View>
          ) : null}
          <TextField
            label='名称'
            value={value.name}
            maxlength={20}
            placeholder='例如 运动会、校庆（可不填）'
            onInput={(name) => onChange({ ...value, name })}
            testId='calendar-name'
          />
          {error ? <Text className='cs-error'>{error}</Text> : null}
        </View>
      ) : null}
    </Dialog>
  );
}

export function SceneDialog({ value, isNew, error, onChange, onConfirm, onCancel }: RowDialogProps<SceneRow>) {
  const scenes = SCENES as readonly SceneRow['scene'][];
  return (
    <Dialog open={value !== null} title={isNew ? '添加场景规则' : '编辑场景规则'} onConfirm={onConfirm} onCancel={onCancel} testId='scene-dialog'>
      {value ? (
        <View>
          <Field label='场景'>
            <Picker
              mode='selector'
              range={scenes.map((s) => SCENE_LABELS[s])}
              value={scenes.indexOf(value.scene)}
              onChange={(e) => onChange({ ...value, scene: scenes[Number(e.detail.value)] ?? value.scene })}
            >
              <View className='cs-picker' data-testid='scene-kind'>
                <Text>{SCENE_LABELS[value.scene]}</Text>
              </View>
            </Picker>
          </Field>
          <TextField
            label='课程名含'
            value={value.names}
            maxlength={300}
            placeholder='用逗号分开，例如 体育，篮球'
            hint='每个词最多 10 个字，最多 20 个'
            onInput={(names) => onChange({ ...value, names })}
            testId='scene-names'
          />
          <TextField
            label='教室或楼含'
            value={value.rooms}
            maxlength={300}
            placeholder='例如 体育馆，机房'
            onInput={(rooms) => onChange({ ...value, rooms })}
            testId='scene-rooms'
          />
          <TextField
            label='不算的课程名'
            value={value.excludes}
            maxlength={300}
            placeholder='例如 程序设计（含“设计”但不是美术课）'
            onInput={(excludes) => onChange({ ...value, excludes })}
            testId='scene-excludes'
          />
          {error ? <Text className='cs-error'>{error}</Text> : null}
        </View>
      ) : null}
    </Dialog>
  );
}

export function PlaceDialog({ value, isNew, error, onChange, onConfirm, onCancel }: RowDialogProps<PlaceRow>) {
  return (
    <Dialog open={value !== null} title={isNew ? '添加地点' : '编辑地点'} onConfirm={onConfirm} onCancel={onCancel} testId='place-dialog'>
      {value ? (
        <View>
          <TextField
            label='名称'
            required
            value={value.name}
            maxlength={20}
            placeholder='例如 一教、二食堂门口'
            onInput={(name) => onChange({ ...value, name })}
            testId='place-name'
          />
          <Field label='类型'>
            <Choice options={KIND_LABELS} value={value.kind} onChange={(kind) => onChange({ ...value, kind })} testId='place-kind' />
          </Field>
          <View className='cs-xy'>
            <TextField label='东西 x（米）' type='number' value={value.x} placeholder='0-5000' onInput={(x) => onChange({ ...value, x })} testId='place-x' />
            <TextField label='南北 y（米）' type='number' value={value.y} placeholder='0-5000' onInput={(y) => onChange({ ...value, y })} testId='place-y' />
          </View>
          <Text className='muted'>从校园地图的左上角量起，向东是 x，向南是 y；步行按道路折线、每分钟 80 米估算。</Text>
          {error ? <Text className='cs-error'>{error}</Text> : null}
        </View>
      ) : null}
    </Dialog>
  );
}
