// The building a room is in, when the room's text starts with one: 东区实验楼301 → 东区实验楼,
// 一教A201 → 一教, "东阶楼,201" → 东阶楼, 体育场 → 体育场. Rooms that name no building (线上, 待定,
// 3-201) give undefined. Used for distances between consecutive classes.

/** Words that end a building's name (the last one in the room's text wins: 第一教学楼 → …楼). */
const BUILDING_END = /(楼|馆|教|中心|堂|厅|院|场|宿舍|公寓|书院|大厦)/g;
/** A room number at the end: A201, 301, B-203, 2-105室, (东)101 … */
const ROOM_NUMBER = /[\s,，\-_#·.]*[A-Za-z]?[\s\-_]*\d+[A-Za-z\d\-_]*\s*(室|号)?$/;
const NO_BUILDING = /^(线上|网课|在线|待定|未定|无|暂无|腾讯会议|钉钉|其他|其它)/;

export function buildingOf(room: string): string | undefined {
  const text = room.trim();
  if (!text || NO_BUILDING.test(text)) return undefined;
  const prefix = text.replace(ROOM_NUMBER, '').trim();
  if (!/[\u4e00-\u9fff]/.test(prefix)) return undefined;
  let end = -1;
  for (const m of prefix.matchAll(BUILDING_END)) end = (m.index ?? 0) + m[0].length;
  if (end > 0) return prefix.slice(0, end);
  // no building word, but a room number was cut off: the rest is the building (主A区305 → 主A区)
  return prefix !== text ? prefix.replace(/[\s,，\-_#·.]+$/, '') || undefined : undefined;
}
