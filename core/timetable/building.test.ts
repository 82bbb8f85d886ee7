import { buildingOf } from './building';

it.each([
  ['东区实验楼301', '东区实验楼'],
  ['一教A201', '一教'],
  ['东阶楼,201', '东阶楼'],
  ['第一教学楼B-203', '第一教学楼'],
  ['文科楼 2-105室', '文科楼'],
  ['博学馆(东)101', '博学馆'],
  ['理科大楼A区305', '理科大楼'],
  ['体育场', '体育场'],
  ['综合楼', '综合楼'],
  ['线上', undefined],
  ['待定', undefined],
  ['3-201', undefined],
  ['', undefined],
])('the building of %j is %j', (room, building) => {
  expect(buildingOf(room)).toBe(building);
});
