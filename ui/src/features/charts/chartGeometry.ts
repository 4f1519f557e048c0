// Where the charts' marks go. Rust places every amount on its chart's axis (an integer from 0
// to the axis's top) and sends the amounts themselves only as decimal text to print: here
// positions and days become pixels, and no amount becomes a number.

import { line } from "d3-shape";
import { calendarDay } from "../../format/calendarDay";
import type { ChartAxis, DayBalance, MonthFlow } from "../../ipc";

export const WIDTH = 420;
export const HEIGHT = 190;
/** Room for the axes' labels: left for the amounts, below for the months. */
export const MARGIN = { top: 12, right: 12, bottom: 28, left: 72 };

/** An axis tick: its decimal text and its height in pixels. */
export type Tick = { amount: string; y: number };

/** The height in pixels of a position on `axis`. */
function heightOf(axis: ChartAxis) {
  const bottom = HEIGHT - MARGIN.bottom;
  return (position: number) => bottom - (position / (axis.top || 1)) * (bottom - MARGIN.top);
}

function ticksOf(axis: ChartAxis): Tick[] {
  const y = heightOf(axis);
  return axis.ticks.map((tick) => ({ amount: tick.amount, y: y(tick.position) }));
}

/** The first day of each month from `first` to `last` (UTC), every other when there are many. */
function monthStarts(first: Date, last: Date): Date[] {
  const starts: Date[] = [];
  let month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  while (month <= last) {
    starts.push(month);
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
  }
  return starts.length > 7 ? starts.filter((_, index) => index % 2 === 0) : starts;
}

/** The balance's line (with a gap wherever a day has no balance) and its axes' ticks. */
export function balanceGeometry(days: readonly DayBalance[], axis: ChartAxis) {
  const points = days.flatMap((day) => {
    const date = calendarDay(day.date);
    return date ? [{ date, position: day.position }] : [];
  });
  const first = points[0]?.date.getTime() ?? 0;
  const last = points[points.length - 1]?.date.getTime() ?? 0;
  const x = (date: Date) =>
    MARGIN.left +
    ((date.getTime() - first) / (last - first || 1)) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = heightOf(axis);
  const path =
    line<{ date: Date; position: number | null }>()
      .defined((point) => point.position !== null)
      .x((point) => x(point.date))
      .y((point) => y(point.position ?? 0))(points) ?? "";
  return {
    path,
    zero: y(axis.zero),
    yTicks: ticksOf(axis),
    xTicks: points.length
      ? monthStarts(new Date(first), new Date(last)).map((date) => ({ x: x(date), date }))
      : [],
  };
}

/** Two bars a month, money in beside money out, standing on zero. */
export function flowGeometry(months: readonly MonthFlow[], axis: ChartAxis) {
  const step = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(months.length, 1);
  const half = (step * 0.75) / 2;
  const y = heightOf(axis);
  const zero = y(axis.zero);
  const bars = months.map((month, index) => {
    const left = MARGIN.left + index * step + step * 0.125;
    const bar = (position: number, offset: number) => ({
      x: left + offset,
      width: Math.max(half - 1, 1),
      y: y(position),
      height: Math.max(zero - y(position), 0),
    });
    return {
      month,
      incoming: bar(month.incomingPosition, 0),
      outgoing: bar(month.outgoingPosition, half),
      labelX: MARGIN.left + (index + 0.5) * step,
    };
  });
  return { bars, zero, yTicks: ticksOf(axis) };
}
