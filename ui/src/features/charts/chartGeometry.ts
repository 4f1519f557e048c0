// Where the charts' marks go. The amounts arrive as decimal strings; here they become numbers
// only to place pixels: every figure printed comes from the strings themselves (or, for an
// axis's tick, from the tick's own short decimal text).

import { nice, ticks } from "d3-array";
import { line } from "d3-shape";
import { calendarDay } from "../../format/calendarDay";
import type { DayBalance, MonthFlow } from "../../ipc";

export const WIDTH = 420;
export const HEIGHT = 190;
/** Room for the axes' labels: left for the amounts, below for the months. */
export const MARGIN = { top: 12, right: 12, bottom: 28, left: 72 };

export type Tick = { position: number; value: number };

/** A straight map from `domain` to `range` (d3-scale is left out: its colour module assigns
 * `constructor` on objects, which the app's frozen prototypes refuse). */
function linear([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]) {
  const span = d1 - d0 || 1;
  return (value: number) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** A domain rounded out to whole ticks, with zero in it, and those ticks. */
function amountAxis(values: readonly number[]) {
  const [low, high] = nice(Math.min(0, ...values), Math.max(0, ...values, 1), 4);
  return { domain: [low, high] as const, values: ticks(low, high, 4) };
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
export function balanceGeometry(days: readonly DayBalance[]) {
  const points = days.flatMap((day) => {
    const date = calendarDay(day.date);
    return date ? [{ date, value: day.balance === null ? null : Number(day.balance) }] : [];
  });
  const known = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const first = points[0]?.date ?? new Date(0);
  const last = points[points.length - 1]?.date ?? new Date(0);
  const x = linear([first.getTime(), last.getTime()], [MARGIN.left, WIDTH - MARGIN.right]);
  const axis = amountAxis(known);
  const y = linear(axis.domain, [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const path =
    line<{ date: Date; value: number | null }>()
      .defined((point) => point.value !== null)
      .x((point) => x(point.date.getTime()))
      .y((point) => y(point.value ?? 0))(points) ?? "";
  return {
    path,
    zero: y(0),
    yTicks: axis.values.map((value) => ({ position: y(value), value })),
    xTicks: monthStarts(first, last).map((date) => ({ position: x(date.getTime()), date })),
  };
}

/** Two bars a month, money in beside money out, on one scale from zero. */
export function flowGeometry(months: readonly MonthFlow[]) {
  const width = WIDTH - MARGIN.left - MARGIN.right;
  const step = width / Math.max(months.length, 1);
  const half = (step * 0.75) / 2;
  const axis = amountAxis(
    months.flatMap((month) => [Number(month.incoming), Number(month.outgoing)]),
  );
  const y = linear(axis.domain, [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const bars = months.map((month, index) => {
    const left = MARGIN.left + index * step + step * 0.125;
    const bar = (amount: string, offset: number) => ({
      x: left + offset,
      width: Math.max(half - 1, 1),
      y: y(Number(amount)),
      height: Math.max(y(0) - y(Number(amount)), 0),
    });
    return { month, incoming: bar(month.incoming, 0), outgoing: bar(month.outgoing, half) };
  });
  return {
    bars,
    baseline: y(0),
    yTicks: axis.values.map((value) => ({ position: y(value), value })),
    labelAt: (month: string) =>
      MARGIN.left + (months.findIndex((each) => each.month === month) + 0.5) * step,
  };
}
