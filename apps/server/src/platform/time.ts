/** Business dates are calendar days in Asia/Shanghai; instants are stored in UTC. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';

export function nowInstant(): string {
  return new Date().toISOString();
}

export function addMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

const businessDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: BUSINESS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date (or the date of an instant) in Asia/Shanghai, as YYYY-MM-DD. */
export function businessDate(at: Date = new Date()): string {
  return businessDateFormat.format(at);
}
