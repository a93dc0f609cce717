import { DataVizPalette, LineChart } from '@fluentui/react-charts';
import type { ChartProps } from '@fluentui/react-charts';
import { useMemo } from 'react';
import type { TrendPoint } from './trend-points';
import { isoWeekOf, mondayOf, weekShort } from '../../components/iso-week';

/**
 * Progress against spend: percent complete and cost to date (% of the approved budget) week by week.
 * When spend runs ahead of progress the gap shows at a glance. Loaded lazily: d3 is not in the first paint.
 */
export default function StatusTrendChart({
  points,
  height,
}: {
  points: readonly TrendPoint[];
  height: number;
}) {
  const data = useMemo<ChartProps>(
    () => ({
      chartTitle: 'Progress and spend by week',
      lineChartData: [
        {
          legend: 'Percent complete',
          color: DataVizPalette.color1,
          data: points.map((p) => ({ x: mondayOf(p.week), y: p.percentComplete })),
        },
        {
          legend: 'Budget spent',
          color: DataVizPalette.color2,
          lineOptions: { strokeDasharray: '6 3' },
          data: points.map((p) => ({ x: mondayOf(p.week), y: p.spentPercent })),
        },
      ],
    }),
    [points],
  );
  const max = Math.max(100, ...points.map((p) => p.spentPercent));
  // Ticks on the reporting Mondays (d3 would pick Sundays), thinned to about eight labels.
  const step = Math.max(1, Math.ceil(points.length / 8));
  const ticks = points.filter((_p, i) => (points.length - 1 - i) % step === 0).map((p) => mondayOf(p.week));

  return (
    <LineChart
      data={data}
      height={height}
      yMinValue={0}
      yMaxValue={Math.ceil(max / 10) * 10}
      yAxisTickFormat={(v: number) => `${v}%`}
      // The x-axis shows week numbers (W48) rather than dates: the PMO thinks in reporting weeks.
      customDateTimeFormatter={(d: Date) => weekShort(isoWeekOf(d))}
      useUTC
      tickValues={ticks}
      allowMultipleShapesForPoints
      enableReflow
    />
  );
}
