// The week grid's layout, kept pure so it can be tested: each class of the week becomes a block
// in its day's column spanning its sections; classes that overlap on one day (a clash the
// student imported) share the width side by side rather than hide each other.
import type { ClassView } from '@core/contracts/timetable';
import type { SectionTime } from '@core/timetable/model';

export interface GridBlock {
  key: string;
  cls: ClassView;
  /** 0 = Monday's column … 6 = Sunday's. */
  column: number;
  /** First section row (0-based) and how many rows it spans. */
  row: number;
  span: number;
  /** Side-by-side position when classes overlap: lane of lanes. */
  lane: number;
  lanes: number;
  color: string;
}

/** Soft colours with dark text that stay readable in a narrow column; a course keeps its colour every week. */
export const COURSE_COLORS = [
  '#dbeafe', // blue
  '#dcfce7', // green
  '#fef3c7', // amber
  '#fce7f3', // pink
  '#e0e7ff', // indigo
  '#ccfbf1', // teal
  '#ffedd5', // orange
  '#ede9fe', // violet
  '#ecfccb', // lime
  '#e0f2fe', // sky
];

/** The same colour for the same course name, whatever week or order. */
export function courseColor(name: string): string {
  let h = 0;
  for (const ch of name) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return COURSE_COLORS[h % COURSE_COLORS.length];
}

/** How many section rows the grid needs: the campus's table, or more if a class runs later. */
export function rowCount(sections: SectionTime[], classes: ClassView[]): number {
  return Math.max(sections.length, ...classes.map((c) => c.endNode), 1);
}

export function layoutWeek(dates: string[], classes: ClassView[]): GridBlock[] {
  const blocks: GridBlock[] = [];
  dates.forEach((date, column) => {
    const day = classes.filter((c) => c.date === date).sort((a, b) => a.startNode - b.startNode || b.endNode - a.endNode || a.name.localeCompare(b.name));
    // Greedy lanes within each cluster of overlapping classes (interval partitioning).
    let cluster: GridBlock[] = [];
    let clusterEnd = 0;
    const laneEnds: number[] = [];
    const close = () => {
      const lanes = Math.max(1, ...cluster.map((b) => b.lane + 1));
      for (const b of cluster) b.lanes = lanes;
      cluster = [];
      laneEnds.length = 0;
    };
    for (const cls of day) {
      const start = Math.max(1, cls.startNode);
      const end = Math.max(start, cls.endNode);
      if (cluster.length && start > clusterEnd) close();
      let lane = laneEnds.findIndex((e) => e < start);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = end;
      clusterEnd = cluster.length ? Math.max(clusterEnd, end) : end;
      const block: GridBlock = {
        key: `${cls.courseId}-${date}-${start}`,
        cls,
        column,
        row: start - 1,
        span: end - start + 1,
        lane,
        lanes: 1,
        color: courseColor(cls.name),
      };
      cluster.push(block);
      blocks.push(block);
    }
    if (cluster.length) close();
  });
  return blocks;
}

/** 第5周, or what the week is when it is not a teaching week. */
export function weekLabel(week: number, termWeeks: number): string {
  if (week < 1) return '还没开学';
  if (week > termWeeks) return '学期已结束';
  return `第${week}周`;
}

/** The week the grid opens on: this week during the term, else the nearest end of it. */
export function initialWeek(currentWeek: number, termWeeks: number): number {
  return Math.min(Math.max(1, currentWeek), Math.max(1, termWeeks));
}

/** 08:30-10:05: a class's time as the sheet shows it. */
export const classTime = (c: Pick<ClassView, 'start' | 'end'>): string => `${c.start}-${c.end}`;
