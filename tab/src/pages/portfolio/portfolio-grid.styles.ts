import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Column widths in px; the grid scrolls sideways when they do not fit. The last column takes any width
 * left over: the body is narrower than the header by its scrollbar, and growing the last column keeps
 * every other column aligned with its header.
 */
export const COLUMN_WIDTHS = {
  code: 88,
  title: 208,
  program: 144,
  projectManager: 136,
  phase: 96,
  overallRag: 116,
  trend: 96,
  percentComplete: 92,
  budgetVariance: 144,
  scheduleVariance: 92,
  lastStatus: 168,
} as const;
export type GridColumnId = keyof typeof COLUMN_WIDTHS;
export const GRID_MIN_WIDTH = Object.values(COLUMN_WIDTHS).reduce((a, b) => a + b, 0);

const fixed = (px: number) => ({ flexGrow: 0, flexShrink: 0, flexBasis: `${px}px`, minWidth: `${px}px` });

export const useColumnStyles = makeStyles({
  code: fixed(COLUMN_WIDTHS.code),
  title: fixed(COLUMN_WIDTHS.title),
  program: fixed(COLUMN_WIDTHS.program),
  projectManager: fixed(COLUMN_WIDTHS.projectManager),
  phase: fixed(COLUMN_WIDTHS.phase),
  overallRag: fixed(COLUMN_WIDTHS.overallRag),
  trend: fixed(COLUMN_WIDTHS.trend),
  percentComplete: fixed(COLUMN_WIDTHS.percentComplete),
  budgetVariance: fixed(COLUMN_WIDTHS.budgetVariance),
  scheduleVariance: fixed(COLUMN_WIDTHS.scheduleVariance),
  lastStatus: { ...fixed(COLUMN_WIDTHS.lastStatus), flexGrow: 1 },
});

export const usePortfolioGridStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  grid: {
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { minWidth: `${GRID_MIN_WIDTH}px`, boxSizing: 'border-box' },
  headerRow: { minWidth: `${GRID_MIN_WIDTH}px`, backgroundColor: tokens.colorNeutralBackground3 },
  headerCell: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  numeric: { justifyContent: 'flex-end', textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  truncate: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  // The link itself is the cell's width (not its text's): arrow keys find the next cell by position.
  titleLink: {
    display: 'block',
    minWidth: 0,
    maxWidth: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  over: { color: tokens.colorPaletteRedForeground1 },
  under: { color: tokens.colorStatusSuccessForeground1 },
  variance: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  lastStatus: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  percent: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, width: '100%' },
  percentTrack: {
    flexGrow: 1,
    minWidth: '24px',
    height: '4px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground6,
    overflow: 'hidden',
  },
  percentFill: {
    display: 'block',
    height: '100%',
    backgroundColor: tokens.colorCompoundBrandBackground,
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundColor: 'CanvasText' },
  },
});
