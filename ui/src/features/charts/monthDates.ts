/** The first and last day of `month` (`YYYY-MM`) as the search's date range. */
export function monthDates(month: string): { dateFrom: string; dateTo: string } {
  const [year, number] = month.split("-").map(Number);
  // Day 0 of the next month is this month's last day.
  const last = new Date(Date.UTC(year ?? 1970, number ?? 1, 0)).getUTCDate();
  return { dateFrom: `${month}-01`, dateTo: `${month}-${String(last).padStart(2, "0")}` };
}
