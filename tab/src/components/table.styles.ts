import { tokens } from '@fluentui/react-components';

/**
 * Style objects the tab's tables share, spread into each page's makeStyles: a scrolling frame (tables
 * scroll sideways on a phone, not the page), and a title cell with a second, quieter line.
 */
export const tableScroller = {
  overflowX: 'auto',
  backgroundColor: tokens.colorNeutralBackground1,
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
} as const;

export const tableTitleCell = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalXXS,
  paddingBlock: tokens.spacingVerticalXS,
} as const;

export const secondaryText = {
  color: tokens.colorNeutralForeground2,
  fontSize: tokens.fontSizeBase200,
} as const;
