// 导入课表, a wizard on one page: 1 the format (or 手动填写, the editor), 2 the Monday of week 1,
// 3 the content (pasted, or a file from a chat on weapp / from the device on H5), then 预览 shows
// every course read and every line skipped with why; 保存 replaces the term (said first when a
// timetable exists) and opens the week grid.
import { campusDay } from '@core/campus-days';
import type { TimetableResults } from '@core/contracts/timetable';
import type { CourseInput, ImportFormat } from '@core/timetable/model';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { previewImport, saveTimetable, timetableStatus } from '../../../api/timetable';
import { ActionBar, Button, Dialog, Empty, Field, toast } from '../../../components/ui';
import { IMPORT_CHOICES, type ImportChoice, isDate, MAX_IMPORT_CHARS, mondayOf, PAGES, termWeeksFor, WEEKDAY_NAMES, weekdayOf } from '../shared';
import { chooseChatFile, type Picked, readBrowserFile, TOO_LARGE } from './files';
import { PreviewList } from './PreviewList';
import '../timetable.css';
import './index.css';

type Status = TimetableResults['status'];
type Preview = TimetableResults['preview'];
type Errors = Partial<Record<'format' | 'start' | 'content', string>>;

const KB = 1024;

export default function ImportPage() {
  const [status, setStatus] = useState<Status | null>(null);
  const [loadError, setLoadError] = useState('');
  const [format, setFormat] = useState<ImportChoice | ''>('');
  const [start, setStart] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<Picked | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [saveError, setSaveError] = useState('');

  const load = async () => {
    setLoadError('');
    const res = await timetableStatus();
    if (!res.ok) return setLoadError(res.message);
    setStatus(res.data);
    setStart((s) => s || res.data.term?.startDate || mondayOf(campusDay(Date.now())));
  };
  useLoad(() => void load());

  const choice = IMPORT_CHOICES.find((c) => c.id === format);
  const content = file?.content ?? text;
  const reset = () => {
    setPreview(null);
    setSaveError('');
  };
  const chooseFormat = (id: ImportChoice) => {
    setFormat(id);
    setErrors((e) => ({ ...e, format: undefined }));
    reset();
  };

  const check = (): Errors => {
    const e: Errors = {};
    if (!format) e.format = '请选择课表来自哪里';
    if (!isDate(start)) e.start = '请选择第一周的周一';
    else if (weekdayOf(start) !== 1) e.start = `请选择周一（${start} 是${WEEKDAY_NAMES[weekdayOf(start) - 1]}）`;
    if (!content.trim()) e.content = file ? '文件是空的' : '请粘贴课表内容，或选择文件';
    else if (content.length > MAX_IMPORT_CHARS) e.content = TOO_LARGE;
    return e;
  };

  // 手动填写: the term's first Monday is chosen here first, then the editor opens with it.
  const startManual = () => {
    if (!isDate(start)) return setErrors((e) => ({ ...e, start: '请选择第一周的周一' }));
    Taro.navigateTo({ url: `${PAGES.edit}?start=${start}` });
  };

  const runPreview = async () => {
    reset();
    const e = check();
    setErrors(e);
    if (Object.keys(e).length || !format || format === 'manual') return;
    const res = await previewImport({ format: format as ImportFormat, content, termStartDate: start });
    if (res.ok) {
      setPreview(res.data);
      // The courses and the skipped lines are below the content: bring them into view.
      setTimeout(() => void Taro.pageScrollTo({ selector: '.im-preview-anchor', duration: 200 }).catch(() => undefined), 50);
      return;
    }
    if (res.code === 'NO_CONSENT') return Taro.redirectTo({ url: PAGES.consent });
    if (res.code === 'INVALID_INPUT') return setErrors({ content: res.message });
    toast(res.message, 'error');
  };

  const save = async (courses: CourseInput[]) => {
    setSaveError('');
    const res = await saveTimetable({ termStartDate: start, termWeeks: termWeeksFor(courses), courses });
    if (!res.ok) {
      if (res.code === 'NO_CONSENT') return Taro.redirectTo({ url: PAGES.consent });
      setSaveError(res.message);
      return;
    }
    toast(`已导入 ${res.data.courseCount} 门课`, 'success');
    setTimeout(() => void Taro.redirectTo({ url: PAGES.week }), 700);
  };
  const askSave = () => {
    if (!preview?.courses.length) return;
    if (status?.hasTimetable) return setConfirmReplace(true);
    return save(preview.courses);
  };

  const pickFile = async () => {
    if (!choice) return setErrors((e) => ({ ...e, format: '请先选择课表来自哪里' }));
    try {
      const picked = await chooseChatFile(choice.accept);
      if (!picked) return;
      setFile(picked);
      setErrors((e) => ({ ...e, content: undefined }));
      reset();
    } catch (err) {
      setErrors((e) => ({ ...e, content: err instanceof Error ? err.message : '没有选到文件，请重试' }));
    }
  };
  // H5: the browser's own file input (Taro's components have none); read as UTF-8 text.
  const onNativeFile = async (ev: { target: { files?: FileList | null; value: string } }) => {
    const f = ev.target.files?.[0];
    ev.target.value = '';
    if (!f) return;
    try {
      setFile(await readBrowserFile(f));
      setErrors((e) => ({ ...e, content: undefined }));
      reset();
    } catch (err) {
      setErrors((e) => ({ ...e, content: err instanceof Error ? err.message : '没有选到文件，请重试' }));
    }
  };

  if (!status)
    return (
      <View className='page'>
        {loadError ? <Empty title='没有加载出来' hint={loadError} actionText='重试' onAction={load} /> : <Text className='tt-loading'>加载中…</Text>}
      </View>
    );
  if (!status.consented)
    return (
      <View className='page'>
        <Empty title='导入课表前需要你的授权' actionText='去授权' onAction={() => Taro.redirectTo({ url: PAGES.consent })} />
      </View>
    );

  return (
    <View className='page'>
      <View className='section'>
        <Field label='1. 课表来自哪里' required error={errors.format} testId='import-format'>
          <View className='im-formats'>
            {IMPORT_CHOICES.map((c) => (
              <View
                key={c.id}
                className={`im-format${format === c.id ? ' im-format-on' : ''}`}
                onClick={() => chooseFormat(c.id)}
                data-testid={`import-format-${c.id}`}
              >
                <Text className='im-format-name'>{c.name}</Text>
                <Text className='im-format-hint'>{c.hint}</Text>
              </View>
            ))}
          </View>
        </Field>
      </View>

      <View className='section'>
        <Field label='2. 第一周的周一' required error={errors.start} hint='开学第一周的周一，用来算每天是第几周' testId='import-start'>
          <Picker
            mode='date'
            value={start}
            onChange={(e) => {
              // Week 1 starts on a Monday: a day picked in that week means its Monday.
              const picked = String(e.detail.value);
              const monday = mondayOf(picked);
              if (monday !== picked) toast(`第一周从周一算起，已换成 ${monday}`);
              setStart(monday);
              setErrors((x) => ({ ...x, start: undefined }));
              reset();
            }}
          >
            <View className='im-picker' data-testid='import-start-picker'>
              <Text>{start ? `${start} ${WEEKDAY_NAMES[weekdayOf(start) - 1] ?? ''}` : '选择日期'}</Text>
              <Text className='im-arrow'>›</Text>
            </View>
          </Picker>
        </Field>
      </View>

      {format === 'manual' ? (
        <Text className='tt-note'>选好第一周的周一，再一门一门填写课程。</Text>
      ) : (
        <View className='section'>
          <Field label='3. 课表内容' required error={errors.content} hint={choice ? choice.hint : undefined} testId='import-content'>
            {file ? (
              <View className='im-file' data-testid='import-file'>
                <Text>
                  {file.name}（{Math.max(1, Math.round(file.content.length / KB))} KB）
                </Text>
                <Text
                  className='im-file-clear'
                  onClick={() => {
                    setFile(null);
                    reset();
                  }}
                >
                  换成粘贴
                </Text>
              </View>
            ) : (
              <Textarea
                className='im-textarea'
                value={text}
                maxlength={-1}
                placeholder='把导出的文件内容粘贴到这里'
                placeholderClass='ui-placeholder'
                data-testid='import-text'
                onInput={(e) => {
                  setText(e.detail.value);
                  setErrors((x) => ({ ...x, content: undefined }));
                  reset();
                }}
              />
            )}
            {process.env.TARO_ENV === 'weapp' ? (
              <View className='im-pick'>
                <Button size='small' onClick={pickFile} testId='import-choose-file'>
                  从微信聊天选文件
                </Button>
              </View>
            ) : null}
            {process.env.TARO_ENV === 'h5' ? (
              <View className='im-pick'>
                <input
                  className='im-native'
                  type='file'
                  accept={choice?.accept || undefined}
                  data-testid='import-file-input'
                  onChange={(e) => void onNativeFile(e as unknown as { target: HTMLInputElement })}
                />
              </View>
            ) : null}
          </Field>
        </View>
      )}

      <View className='im-preview-anchor' />
      {preview ? <PreviewList preview={preview} /> : null}
      {status.hasTimetable ? <Text className='tt-note'>你已经有一份课表（{status.courseCount} 门课），保存这次导入会替换它。</Text> : null}
      {saveError ? <Text className='tt-error tt-note'>{saveError}</Text> : null}

      <ActionBar>
        <View className='tt-actions' style={{ margin: 0, width: '100%' }}>
          {format === 'manual' ? (
            <Button type='primary' block onClick={startManual} testId='import-manual'>
              去填写课程
            </Button>
          ) : (
            <>
              <Button block onClick={runPreview} testId='import-preview-btn'>
                预览
              </Button>
              <Button type='primary' block disabled={!preview?.courses.length} onClick={askSave} testId='import-save'>
                保存
              </Button>
            </>
          )}
        </View>
      </ActionBar>

      <Dialog
        open={confirmReplace}
        title='替换现在的课表？'
        confirmText='替换'
        onConfirm={() => preview && save(preview.courses)}
        onCancel={() => setConfirmReplace(false)}
        testId='import-replace'
      >
        <Text>
          现在的 {status.courseCount} 门课（包括手动改过的）会被这次读到的 {preview?.courses.length ?? 0} 门课替换，学期从 {start} 开始。
        </Text>
      </Dialog>
    </View>
  );
}
