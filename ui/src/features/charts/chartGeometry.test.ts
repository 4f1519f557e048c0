import { balanceGeometry, flowGeometry, HEIGHT, MARGIN } from "./chartGeometry";

describe("the balance's line", () => {
  it("is broken where a day has no stored history, not drawn flat across it", () => {
    const geometry = balanceGeometry([
      { date: "2026-03-01", balance: null },
      { date: "2026-03-02", balance: "100.00" },
      { date: "2026-03-03", balance: "90.50" },
      { date: "2026-03-04", balance: null },
      { date: "2026-03-05", balance: "70" },
      { date: "2026-03-06", balance: "75" },
    ]);
    // One move to each run of known days: two runs, two moves.
    expect(geometry.path.match(/M/g)).toHaveLength(2);
    expect(geometry.zero).toBe(HEIGHT - MARGIN.bottom);
  });

  it("keeps zero on the scale so an overdraft shows below it", () => {
    const geometry = balanceGeometry([
      { date: "2026-03-01", balance: "-250.00" },
      { date: "2026-03-02", balance: "400.00" },
    ]);
    const values = geometry.yTicks.map((tick) => tick.value);
    expect(Math.min(...values)).toBeLessThanOrEqual(-250);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(400);
    expect(values).toContain(0);
  });
});

describe("the months' bars", () => {
  it("stand on zero, money in left of money out, taller for more", () => {
    const geometry = flowGeometry([
      { month: "2026-01", incoming: "2000.00", outgoing: "1500.00" },
      { month: "2026-02", incoming: "0", outgoing: "0" },
    ]);
    const [january, february] = geometry.bars;
    expect(january?.incoming.x).toBeLessThan(january?.outgoing.x ?? 0);
    expect(january?.incoming.height).toBeGreaterThan(january?.outgoing.height ?? 0);
    expect(february?.incoming.height).toBe(0);
    expect((january?.incoming.y ?? 0) + (january?.incoming.height ?? 0)).toBeCloseTo(
      geometry.baseline,
    );
  });
});
