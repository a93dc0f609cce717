import { makeStyles, tokens } from '@fluentui/react-components';

export const usePortfolioChartsStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  card: { minWidth: 0 },
  head: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  title: { margin: 0 },
  // Narrow screens scroll the chart sideways rather than squeezing seven programs into 300px.
  scroll: { overflowX: 'auto', minWidth: 0 },
  chart: { minWidth: '480px' },
  wideChart: { minWidth: '600px' },
  table: { minWidth: '420px' },
  numeric: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  placeholder: { height: '320px' },
});
