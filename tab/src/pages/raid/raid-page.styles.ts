import { makeStyles, tokens } from '@fluentui/react-components';
import { secondaryText, tableScroller, tableTitleCell } from '../../components/table.styles';

export const useRaidPageStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    '@media (max-width: 600px)': { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '80ch' },
  tabs: { overflowX: 'auto', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
  },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(280px, 420px) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 1000px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  sectionHeading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  count: { color: tokens.colorNeutralForeground2 },
  scroller: tableScroller,
  // Columns size to their content (Fluent's default is fixed, equal widths), so dates and scores never clip.
  table: { minWidth: '760px', tableLayout: 'auto' },
  titleCell: tableTitleCell,
  secondary: secondaryText,
  nowrap: { whiteSpace: 'nowrap' },
  wideColumn: { width: '26%' },
  projectColumn: { width: '22%' },
  more: { alignSelf: 'flex-start' },
});
