// 课表与场景设置: what the shop's campus sets for every student's timetable there. The section
// table (节次时间), the school's 调休 rules, the scene keyword rules (which courses count as PE,
// art, lab) and the campus map (teaching buildings and pickup points, in metres), which the home
// page's picks use to say 离二食堂门口 3 分钟. Saved as a whole; students' next view follows it.
import type { CampusSettings } from '@core/contracts/campus';
import { MAX_CALENDAR_RULES, MAX_PLACES, MAX_SCENE_RULES, MAX_SECTIONS } from '@core/contracts/campus';
import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { getCampusSettings, saveCampusSettings } from '../../../api/merchant-campus';
import { ActionBar, Button, CellGroup, Empty, Tag, toast } from '../../../components/ui';
import {
  type CalendarRow,
  type CampusErrors,
  type CampusForm,
  checkForm,
  formOf,
  KIND_LABELS,
  keywordsOf,
  type PlaceRow,
  SCENE_LABELS,
  type SceneRow,
  serverCampusErrors,
  WEEKDAYS,
} from './form';
import { MapView } from './MapView';
import { CalendarDialog, PlaceDialog, SceneDialog } from './RowDialogs';
import './index.css';

type ListKey = 'calendar' | 'sceneRules' | 'places';
type Rows = { calendar: CalendarRow; sceneRules: SceneRow; places: PlaceRow };
interface Editing<K extends ListKey> {
  index: number;
  row: Rows[K];
  error?: string;
}
/** Where a list's errors are kept (the map's are 'map'). */
const errorKey = (list: ListKey) => (list === 'places' ? 'map' : list);

export default function CampusSettingsPage() {
  const [campusName, setCampusName] = useState('');
  const [form, setForm] = useState<CampusForm | null>(null);
  const [loadError, setLoadError] = useState('');
  const [errors, setErrors] = useState<CampusErrors>({});
  const [dirty, setDirty] = useState(false);
  const [calendarEdit, setCalendarEdit] = useState<Editing<'calendar'> | null>(null);
  const [sceneEdit, setSceneEdit] = useState<Editing<'sceneRules'> | null>(null);
  const [placeEdit, setPlaceEdit] = useState<Editing<'places'> | null>(null);

  const [version, setVersion] = useState(0);
  const show = (name: string, settings: CampusSettings, at: number) => {
    setCampusName(name);
    setVersion(at);
    setForm(formOf(settings));
    setErrors({});
    setDirty(false);
  };
  const load = async () => {
    setLoadError('');
    const res = await getCampusSettings();
    if (!res.ok) return setLoadError(res.message);
    show(res.data.campusName, res.data.settings, res.data.version);
  };
  useDidShow(() => {
    if (!dirty) void load();
  });

  if (!form) {
    return (
      <View className='page'>
        {loadError ? <Empty title='加载失败' hint={loadError} actionText='重试' onAction={load} /> : <Text className='cs-loading muted'>加载中…</Text>}
      </View>
    );
  }

  const change = (next: CampusForm) => {
    setForm(next);
    setDirty(true);
    setErrors({});
  };
  const setSection = (i: number, key: 'start' | 'end', value: string) =>
    change({ ...form, sections: form.sections.map((s, j) => (j === i ? { ...s, [key]: value } : s)) });

  /** Puts an edited row in its list when the row passes the contract; else its message stays in the dialog. */
  function confirmRow<K extends ListKey>(list: K, edit: Editing<K> | null, setEdit: (e: Editing<K> | null) => void): boolean {
    if (!form || !edit) return false;
    const rows = [...(form[list] as Rows[K][])];
    const index = edit.index < 0 ? rows.length : edit.index;
    rows[index] = edit.row;
    const next = { ...form, [list]: rows } as CampusForm;
    const res = checkForm(next);
    const error = res.errors?.[`${errorKey(list)}.${index}`];
    if (error) {
      setEdit({ ...edit, error });
      return false;
    }
    change(next);
    return true;
  }
  const remove = (list: ListKey, index: number) => change({ ...form, [list]: (form[list] as unknown[]).filter((_, j) => j !== index) } as CampusForm);

  const save = async () => {
    const checked = checkForm(form);
    if (!checked.input) {
      setErrors(checked.errors);
      toast('有几项需要修改');
      return;
    }
    const res = await saveCampusSettings(checked.input, version);
    if (!res.ok) {
      if (res.code === 'INVALID_INPUT') setErrors(serverCampusErrors(res.message));
      toast(res.message);
      return;
    }
    show(campusName, res.data, res.data.version);
    toast('已保存', 'success');
  };

  const listError = (key: string) => (errors[key] ? <Text className='cs-error'>{errors[key]}</Text> : null);
  const rowError = (key: string) => (errors[key] ? <Text className='cs-error cs-row-error'>{errors[key]}</Text> : null);

  return (
    <View className='page cs'>
      <Text className='cs-tip muted'>{campusName} 所有同学的课表都按这里计算：上下课时间、调休、课程场景和到自提点的步行时间。保存后立即生效。</Text>

      <CellGroup title='节次时间'>
        {form.sections.map((s, i) => (
          <View key={`section-${i + 1}`} className='cs-section' data-testid='section-row'>
            <View className='cs-section-row'>
              <Text className='cs-section-n'>第 {i + 1} 节</Text>
              <Input
                className='cs-time'
                value={s.start}
                maxlength={5}
                placeholder='08:30'
                onInput={(e) => setSection(i, 'start', e.detail.value)}
                data-testid='section-start'
              />
              <Text className='muted'>至</Text>
              <Input
                className='cs-time'
                value={s.end}
                maxlength={5}
                placeholder='09:15'
                onInput={(e) => setSection(i, 'end', e.detail.value)}
                data-testid='section-end'
              />
            </View>
            {rowError(`sections.${i}`)}
          </View>
        ))}
        <View className='cs-add'>
          <Button
            size='small'
            type='ghost'
            disabled={form.sections.length >= MAX_SECTIONS}
            testId='section-add'
            onClick={() => {
              const last = form.sections[form.sections.length - 1];
              change({ ...form, sections: [...form.sections, { start: last?.end ?? '08:00', end: '' }] });
            }}
          >
            加一节
          </Button>
          <Button
            size='small'
            disabled={form.sections.length <= 1}
            testId='section-remove'
            onClick={() => change({ ...form, sections: form.sections.slice(0, -1) })}
          >
            去掉最后一节
          </Button>
        </View>
        {listError('sections')}
      </CellGroup>

      <CellGroup title='学校调休'>
        {form.calendar.length === 0 ? <Text className='cs-none muted'>没有调休：只按法定节假日停课</Text> : null}
        {form.calendar.map((r, i) => (
          <View key={`${r.date}-${i}`} className='cs-row' data-testid='calendar-row'>
            <View className='cs-row-line'>
              <View className='cs-row-main' onClick={() => setCalendarEdit({ index: i, row: { ...r } })}>
                <View className='cs-row-title'>
                  <Text className='cs-row-name'>{r.date}</Text>
                  {r.kind === 'off' ? <Tag tone='neutral'>停课</Tag> : <Tag tone='info'>{`按第 ${r.week} 周${WEEKDAYS[r.day - 1]}上课`}</Tag>}
                </View>
                {r.name ? <Text className='muted'>{r.name}</Text> : null}
              </View>
              <Button size='small' type='ghost' testId='calendar-delete' onClick={() => remove('calendar', i)}>
                删除
              </Button>
            </View>
            {rowError(`calendar.${i}`)}
          </View>
        ))}
        <View className='cs-add'>
          <Button
            size='small'
            type='ghost'
            disabled={form.calendar.length >= MAX_CALENDAR_RULES}
            testId='calendar-add'
            onClick={() => setCalendarEdit({ index: -1, row: { date: '', kind: 'follows', week: '', day: 1, name: '' } })}
          >
            添加调休
          </Button>
        </View>
        {listError('calendar')}
      </CellGroup>

      <CellGroup title='课程场景'>
        {form.sceneRules.length === 0 ? <Text className='cs-none muted'>没有场景规则：保存后用默认规则</Text> : null}
        <Text className='cs-none muted'>课程名或教室含这些词，就给这门课打上场景标签，首页按场景推荐商品。</Text>
        {form.sceneRules.map((r, i) => (
          <View key={`${r.scene}-${i}`} className='cs-row' data-testid='scene-row'>
            <View className='cs-row-line'>
              <Text className='cs-row-name cs-row-main'>{SCENE_LABELS[r.scene]}</Text>
              <Button size='small' testId='scene-edit' onClick={() => setSceneEdit({ index: i, row: { ...r } })}>
                编辑
              </Button>
              <Button size='small' type='ghost' testId='scene-delete' onClick={() => remove('sceneRules', i)}>
                删除
              </Button>
            </View>
            <View className='cs-chips'>
              {keywordsOf(r.names).map((k) => (
                <Tag key={`n-${k}`} tone='success'>
                  {k}
                </Tag>
              ))}
              {keywordsOf(r.rooms).map((k) => (
                <Tag key={`r-${k}`} tone='info'>
                  {`教室 ${k}`}
                </Tag>
              ))}
              {keywordsOf(r.excludes).map((k) => (
                <Tag key={`x-${k}`} tone='neutral'>
                  {`不含 ${k}`}
                </Tag>
              ))}
            </View>
            {rowError(`sceneRules.${i}`)}
          </View>
        ))}
        <View className='cs-add'>
          <Button
            size='small'
            type='ghost'
            disabled={form.sceneRules.length >= MAX_SCENE_RULES}
            testId='scene-add'
            onClick={() => setSceneEdit({ index: -1, row: { scene: 'PE', names: '', rooms: '', excludes: '' } })}
          >
            添加场景规则
          </Button>
        </View>
        {listError('sceneRules')}
      </CellGroup>

      <CellGroup title='校园地图'>
        <MapView places={form.places} />
        {form.places.map((p, i) => (
          <View key={p.id ?? `new-${i}`} className='cs-row' data-testid='place-row'>
            <View className='cs-row-line'>
              <View className='cs-row-main' onClick={() => setPlaceEdit({ index: i, row: { ...p } })}>
                <View className='cs-row-title'>
                  <Text className='cs-row-name'>{p.name}</Text>
                  <Tag tone={p.kind === 'pickup' ? 'warning' : 'info'}>{KIND_LABELS[p.kind]}</Tag>
                </View>
                <Text className='muted'>{`x ${p.x} 米 · y ${p.y} 米`}</Text>
              </View>
              <Button size='small' type='ghost' testId='place-delete' onClick={() => remove('places', i)}>
                删除
              </Button>
            </View>
            {rowError(`map.${i}`)}
          </View>
        ))}
        <View className='cs-add'>
          <Button
            size='small'
            type='ghost'
            disabled={form.places.length >= MAX_PLACES}
            testId='place-add'
            onClick={() => setPlaceEdit({ index: -1, row: { name: '', kind: 'building', x: '', y: '' } })}
          >
            添加地点
          </Button>
        </View>
        {listError('map')}
      </CellGroup>
      {errors._ ? <Text className='cs-error cs-tip'>{errors._}</Text> : null}

      <ActionBar>
        <Button type='primary' size='large' block testId='campus-save' onClick={save}>
          保存设置
        </Button>
      </ActionBar>

      <CalendarDialog
        value={calendarEdit?.row ?? null}
        isNew={(calendarEdit?.index ?? -1) < 0}
        error={calendarEdit?.error}
        onChange={(row) => calendarEdit && setCalendarEdit({ index: calendarEdit.index, row })}
        onConfirm={() => confirmRow('calendar', calendarEdit, setCalendarEdit)}
        onCancel={() => setCalendarEdit(null)}
      />
      <SceneDialog
        value={sceneEdit?.row ?? null}
        isNew={(sceneEdit?.index ?? -1) < 0}
        error={sceneEdit?.error}
        onChange={(row) => sceneEdit && setSceneEdit({ index: sceneEdit.index, row })}
        onConfirm={() => confirmRow('sceneRules', sceneEdit, setSceneEdit)}
        onCancel={() => setSceneEdit(null)}
      />
      <PlaceDialog
        value={placeEdit?.row ?? null}
        isNew={(placeEdit?.index ?? -1) < 0}
        error={placeEdit?.error}
        onChange={(row) => placeEdit && setPlaceEdit({ index: placeEdit.index, row })}
        onConfirm={() => confirmRow('places', placeEdit, setPlaceEdit)}
        onCancel={() => setPlaceEdit(null)}
      />
    </View>
  );
}
