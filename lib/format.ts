// Two fixed English formats, written out rather than asked of Intl: the first Intl
// formatter a process creates loads ICU's locale data, about 17 ms of every Lambda cold
// start (docs/performance.md). Shared by server components and the live counter.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A year and month as the content file writes it ("2022-04") for people: "Apr 2022". */
export function formatMonth(yearMonth: string): string {
  const [year, month] = yearMonth.split("-");
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** A count with thousands separators, as en-US writes it: 1234567 → "1,234,567". */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
