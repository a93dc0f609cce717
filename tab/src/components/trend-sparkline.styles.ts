import { makeStyles, tokens } from '@fluentui/react-components';

const MARK = '8px';

/**
 * Each RAG value has its own shape as well as its own colour (circle, diamond, square, hollow ring), so
 * the row reads in high contrast and for colour-blind people; OS forced colours paint them as text.
 */
export const useTrendSparklineStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: '3px', verticalAlign: 'middle' },
  mark: {
    display: 'inline-block',
    width: MARK,
    height: MARK,
    flexShrink: 0,
    boxSizing: 'border-box',
    '@media (forced-colors: active)': { forcedColorAdjust: 'none', backgroundColor: 'CanvasText' },
  },
  green: { borderRadius: tokens.borderRadiusCircular, backgroundColor: tokens.colorStatusSuccessForeground1 },
  amber: {
    width: '7px',
    height: '7px',
    transform: 'rotate(45deg)',
    backgroundColor: tokens.colorStatusWarningForeground3,
  },
  red: { borderRadius: tokens.borderRadiusNone, backgroundColor: tokens.colorPaletteRedForeground1 },
  none: {
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    backgroundColor: 'transparent',
    '@media (forced-colors: active)': {
      backgroundColor: 'Canvas',
      border: `${tokens.strokeWidthThin} solid CanvasText`,
    },
  },
});
