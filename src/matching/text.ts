/** Small helpers for plain British English in explanations. */

/** "A", "A and B", "A, B and C" (GOV.UK style: no comma before "and"); or with "or". */
export function joinList(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

function count(n: number, one: string, many: string): string {
  return `${Number.isInteger(n) ? n : n.toFixed(1).replace(/\.0$/, "")} ${n === 1 ? one : many}`;
}

export const monthsText = (n: number): string => count(n, "month", "months");
export const daysText = (n: number): string => count(n, "day", "days");

/** A gap between two dates in words: "3 days", "2 weeks", "about 4 months". */
export function gapText(days: number): string {
  if (days < 14) return daysText(days);
  if (days < 63) return count(Math.round(days / 7), "week", "weeks");
  return `about ${count(Math.round(days / 30.4), "month", "months")}`;
}
