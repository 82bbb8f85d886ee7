import { DEFAULT_SCENE_RULES } from '@core/timetable/scenes';
import { DEFAULT_SECTIONS } from '@core/timetable/sections';
import { type CampusForm, checkForm, formOf, keywordsOf, serverCampusErrors } from './form';

const settings = {
  sections: DEFAULT_SECTIONS,
  calendar: [{ date: '2026-11-28', kind: 'follows' as const, week: 12, day: 1 as const, name: '调课' }],
  sceneRules: DEFAULT_SCENE_RULES,
  map: { places: [{ id: 'p1', name: '一教', kind: 'building' as const, x: 100, y: 200 }] },
};

describe('campus settings form', () => {
  test('what was loaded goes back unchanged', () => {
    const res = checkForm(formOf(settings));
    expect(res.errors).toBeNull();
    expect(res.input).toEqual(settings);
  });

  test('keywords are split on commas of either width and 、', () => {
    expect(keywordsOf('体育, 篮球，足球、 排球,,')).toEqual(['体育', '篮球', '足球', '排球']);
  });

  test('errors land on the row they concern, in Chinese', () => {
    const form: CampusForm = formOf(settings);
    form.sections[3] = { start: '11:15', end: '11:00' };
    form.places.push({ name: '一教', kind: 'pickup', x: '6000', y: 'abc' });
    form.calendar[0].week = '';
    const res = checkForm(form);
    expect(res.errors).toMatchObject({ 'sections.3': '下课时间要晚于上课时间', 'map.1': expect.any(String), 'calendar.0': expect.any(String) });
    expect(Object.values(res.errors ?? {}).every((m) => /[\u4e00-\u9fff]/.test(m))).toBe(true);
  });

  test('a server answer is split onto the same keys', () => {
    expect(serverCampusErrors('sections.2.start: 第 3 节要在第 2 节下课（10:05）之后开始; map.places.1.name: 地点「一教」重复了')).toEqual({
      'sections.2': '第 3 节要在第 2 节下课（10:05）之后开始',
      'map.1': '地点「一教」重复了',
    });
  });
});
