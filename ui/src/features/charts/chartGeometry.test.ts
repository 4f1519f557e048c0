import type { ChartAxis } from "../../ipc";
import { balanceGeometry, flowGeometry, HEIGHT, MARGIN } from "./chartGeometry";

/** An axis from -400 to 400, as Rust gives it: zero half-way up. */
const AXIS: ChartAxis = {
  ticks: [
    { amount: "-400", position: 0 },
    { amount: "0", position: 5_000 },
    { amount: "400", position: 10_000 },
  ],
  zero: 5_000,
  top: 10_000,
};

describe("the balance's line", () => {
  it("is broken where a day has no stored history, not drawn flat across it", () => {
    const geometry = balanceGeometry(
      [
        { date: "2026-03-01", balance: null, position: null },
        { date: "2026-03-02", balance: "100.00", position: 6_250 },
        { date: "2026-03-03", balance: "90.50", position: 6_131 },
        { date: "2026-03-04", balance: null, position: null },
        { date: "2026-03-05", balance: "70", position: 5_875 },
        { date: "2026-03-06", balance: "75", position: 5_938 },
      ],
      AXIS,
    );
    // One move to each run of known days: two runs, two moves.
    expect(geometry.path.match(/M/g)).toHaveLength(2);
    expect(geometry.zero).toBe((HEIGHT - MARGIN.bottom + MARGIN.top) / 2);
  });

  it("labels the axis with Rust's ticks, lowest at the bottom, so an overdraft shows below zero", () => {
    const geometry = balanceGeometry(
      [
        { date: "2026-03-01", balance: "-250.00", position: 1_875 },
        { date: "2026-03-02", balance: "400.00", position: 10_000 },
      ],
      AXIS,
    );
    expect(geometry.yTicks.map((tick) => tick.amount)).toEqual(["-400", "0", "400"]);
    expect(geometry.yTicks[0]?.y).toBe(HEIGHT - MARGIN.bottom);
    expect(geometry.yTicks[2]?.y).toBe(MARGIN.top);
  });
});

describe("the months' bars", () => {
  it("stand on zero, money in left of money out, taller for more", () => {
    const geometry = flowGeometry(
      [
        {
          month: "2026-01",
          incoming: "2000.00",
          outgoing: "1500.00",
          incomingPosition: 10_000,
          outgoingPosition: 7_500,
        },
        {
          month: "2026-02",
          incoming: "0",
          outgoing: "0",
          incomingPosition: 0,
          outgoingPosition: 0,
        },
      ],
      { ticks: [], zero: 0, top: 10_000 },
    );
    const [january, february] = geometry.bars;
    expect(january?.incoming.x).toBeLessThan(january?.outgoing.x ?? 0);
    expect(january?.incoming.height).toBeGreaterThan(january?.outgoing.height ?? 0);
    expect(february?.incoming.height).toBe(0);
    expect((january?.incoming.y ?? 0) + (january?.incoming.height ?? 0)).toBeCloseTo(geometry.zero);
  });
});
