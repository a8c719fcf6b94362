'use client';

import { useSyncExternalStore } from 'react';

type Props = {
  /** An ISO timestamp. */
  value: string;
  /** Date only ("12 Jan 2027"), or date, time and the zone ("12 Jan 2027, 14:03 CET"). */
  dateOnly?: boolean;
  className?: string;
};

const subscribe = () => () => {};

/**
 * A timestamp in the reader's own time zone and language, always naming the zone. The server
 * does not know the reader's zone, so the first render (server and hydration) says UTC, and the
 * browser then switches to local time — no hydration mismatch, never an unlabelled time.
 */
export function LocalTime({ value, dateOnly, className }: Props) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = new Date(value);
  // Explicit fields: `dateStyle`/`timeStyle` cannot be combined with `timeZoneName`.
  const options: Intl.DateTimeFormatOptions = dateOnly
    ? { year: 'numeric', month: 'short', day: 'numeric' }
    : { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
  const text = Number.isNaN(date.getTime())
    ? value
    : inBrowser
      ? new Intl.DateTimeFormat(undefined, options).format(date)
      : new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(date);
  return (
    <time dateTime={value} className={className} title={value}>
      {text}
    </time>
  );
}
