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

/**
 * ISO-8601 with the UTC offset of `timeZone` at that instant, without milliseconds
 * (`2023-09-25T16:00:00+05:30`): the form appointment webhooks use (BEHAVIOUR.md "Shapes").
 */
export function formatOffsetDateTime(iso: string, timeZone: string): string {
  const local = formatLocalDateTime(iso, timeZone).replace(" ", "T");
  const instant = Date.parse(iso);
  const offsetMinutes = Math.round(
    (Date.parse(`${local}Z`) - Math.floor(instant / 1000) * 1000) / 60_000,
  );
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${local}${sign}${hh}:${mm}`;
}
