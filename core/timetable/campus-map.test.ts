import { type CampusMap, findPlace, nearestPickup, walkMinutes } from './campus-map';

const map: CampusMap = {
  places: [
    { id: 'b1', name: '东区教学楼', kind: 'building', x: 0, y: 0 },
    { id: 'b2', name: '东区', kind: 'building', x: 500, y: 500 },
    { id: 'b3', name: '西区实验楼', kind: 'building', x: 800, y: 0 },
    { id: 'p1', name: '东区自提点', kind: 'pickup', x: 100, y: 100 },
    { id: 'p2', name: '西区自提点', kind: 'pickup', x: 800, y: 200 },
  ],
};

describe('campus map', () => {
  it('finds a place by exact name or by the longest name a room starts with', () => {
    expect(findPlace(map, '东区教学楼')?.id).toBe('b1');
    expect(findPlace(map, '东区教学楼A301')?.id).toBe('b1');
    expect(findPlace(map, '东区食堂')?.id).toBe('b2');
    expect(findPlace(map, '图书馆')).toBeNull();
    expect(findPlace(map, '  ')).toBeNull();
  });

  it('walks Manhattan distance at 80 m a minute, rounded up', () => {
    expect(walkMinutes(map, '东区教学楼A301', '东区自提点')).toBe(3); // 200 m → 2.5
    expect(walkMinutes(map, '西区实验楼', '东区教学楼')).toBe(10); // 800 m
    expect(walkMinutes(map, '东区教学楼', '东区教学楼')).toBe(0);
  });

  it('answers null when either place is unknown', () => {
    expect(walkMinutes(map, '图书馆', '东区自提点')).toBeNull();
    expect(walkMinutes(map, '东区教学楼', '')).toBeNull();
    expect(nearestPickup(map, '图书馆')).toBeNull();
  });

  it('finds the nearest pickup point', () => {
    expect(nearestPickup(map, '东区教学楼101')).toEqual({ name: '东区自提点', minutes: 3 });
    expect(nearestPickup(map, '西区实验楼2楼')).toEqual({ name: '西区自提点', minutes: 3 });
    expect(nearestPickup({ places: map.places.filter((p) => p.kind === 'building') }, '东区教学楼')).toBeNull();
  });
});
