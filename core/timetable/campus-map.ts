// A campus as a few named points on a grid (metres): teaching buildings and pickup points, as a
// merchant enters them (no public data set exists). Walks are Manhattan distance, since campus
// paths follow roads and rarely cut across, at a student's 80 m a minute.
export interface Place {
  id: string;
  name: string;
  kind: 'building' | 'pickup';
  x: number;
  y: number;
}

export interface CampusMap {
  places: Place[];
}

export const WALK_METRES_PER_MINUTE = 80;

/**
 * The place a class's building or room names: the exact name, else the longest place name the
 * text starts with ('东区实验楼301' → 东区实验楼), so a room number needs no entry of its own.
 */
export function findPlace(map: CampusMap, text: string): Place | null {
  const t = text.trim();
  if (t === '') return null;
  let best: Place | null = null;
  for (const p of map.places) {
    if (p.name === '' || !t.startsWith(p.name)) continue;
    if (best === null || p.name.length > best.name.length) best = p;
  }
  return best;
}

function minutesBetween(a: Place, b: Place): number {
  return Math.ceil((Math.abs(a.x - b.x) + Math.abs(a.y - b.y)) / WALK_METRES_PER_MINUTE);
}

/** Minutes on foot between two named places, rounded up; null when either is unknown. */
export function walkMinutes(map: CampusMap, fromName: string, toName: string): number | null {
  const from = findPlace(map, fromName);
  const to = findPlace(map, toName);
  return from && to ? minutesBetween(from, to) : null;
}

/** The pickup point closest on foot to a building or room (first listed on a tie), or null. */
export function nearestPickup(map: CampusMap, fromName: string): { name: string; minutes: number } | null {
  const from = findPlace(map, fromName);
  if (!from) return null;
  let best: { name: string; minutes: number } | null = null;
  for (const p of map.places) {
    if (p.kind !== 'pickup') continue;
    const minutes = minutesBetween(from, p);
    if (best === null || minutes < best.minutes) best = { name: p.name, minutes };
  }
  return best;
}
