/**
 * `YYYY-MM-DD HH:mm:ss` wall-clock time of `iso` in `timeZone`, with no zone marker: the form
 * `GET /contacts/:id/appointments` uses (BEHAVIOUR.md "Shapes": read it in the location's zone).
 */
export function formatLocalDateTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
}
