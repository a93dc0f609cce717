/** Small helpers every benchmark shares: percentiles and the closing JSON line. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export function ms(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export async function timeEach(n: number, run: (i: number) => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export function summary(samples: readonly number[]): { p50: number; p95: number } {
  return { p50: ms(percentile(samples, 50)), p95: ms(percentile(samples, 95)) };
}

export function peakRssMb(): number {
  // maxRSS is in kilobytes
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}
