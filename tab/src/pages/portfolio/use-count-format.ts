import { useMemo } from 'react';
import { useSession } from '../../session/session-context';

/** Whole numbers as the person's locale writes them (5,000 / 5 000 / 5.000). */
export function useCountFormat(): (n: number) => string {
  const { host } = useSession();
  return useMemo(() => {
    const format = new Intl.NumberFormat(host.locale, { maximumFractionDigits: 0 });
    return (n: number) => format.format(n);
  }, [host.locale]);
}
