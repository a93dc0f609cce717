import { useMemo } from 'react';
import { useSession } from '../session/session-context';

/** Numbers, money and dates in the person's Teams locale and the portfolio's currency. */
export interface Formatters {
  money(amount: number): string;
  /** Compact money for tiles and axes: $1.2M. */
  moneyShort(amount: number): string;
  /** Signed money for variances: +$12,000 / −$3,000. */
  moneyDelta(amount: number): string;
  percent(value: number): string;
  /** A calendar date (YYYY-MM-DD) as the locale writes it. */
  date(isoDate: string): string;
  /** An instant as date and time. */
  dateTime(iso: string): string;
  days(value: number): string;
}

export function formatters(locale: string, currency: string): Formatters {
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  const short = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const delta = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const days = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
  return {
    money: (n) => money.format(n),
    moneyShort: (n) => short.format(n),
    moneyDelta: (n) => delta.format(n),
    percent: (n) => `${Math.round(n)}%`,
    date: (d) => (d ? dateFormat.format(new Date(`${d.slice(0, 10)}T00:00:00Z`)) : '—'),
    dateTime: (t) => (t ? dateTimeFormat.format(new Date(t)) : '—'),
    days: (n) => `${days.format(n)} d`,
  };
}

export function useFormat(): Formatters {
  const { host, config } = useSession();
  return useMemo(() => formatters(host.locale, config.currency), [host.locale, config.currency]);
}
