import { makeStyles, tokens } from '@fluentui/react-components';
import { secondaryText, tableScroller, tableTitleCell } from '../../components/table.styles';

export const useRaidStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  wide: { gridColumn: '1 / -1' },
  riskLayout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(280px, 420px) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  listColumn: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  tableScroller,
  // Columns size to their content (Fluent's default is fixed, equal widths), so dates never clip.
  table: { minWidth: '640px', tableLayout: 'auto' },
  titleCell: tableTitleCell,
  secondary: secondaryText,
  clamp: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    display: '-webkit-box',
    WebkitLineClamp: 2,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  nowrap: { whiteSpace: 'nowrap' },
  titleColumn: { width: '34%' },
  actionsCell: { width: '56px' },
});
