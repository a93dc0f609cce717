import { makeStyles, tokens } from '@fluentui/react-components';

export const usePortfolioFilterBarStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(176px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    alignItems: 'end',
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 400px)': { gridTemplateColumns: 'repeat(auto-fill, minmax(136px, 1fr))' },
  },
  // The pick-lists sit in the same grid as the search box (a wrapper that does not make a grid box).
  lists: { display: 'contents' },
  more: { gridColumn: '1 / -1', justifySelf: 'start', whiteSpace: 'nowrap' },
  // Fluent's Dropdown and SearchBox ask for 250px; in a grid cell they take the cell's width.
  control: { minWidth: 0, width: '100%' },
  search: { gridColumn: 'span 2', '@media (max-width: 400px)': { gridColumn: '1 / -1' } },
  actions: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    gridColumn: 'span 2',
    minHeight: '32px',
    '@media (max-width: 400px)': { gridColumn: '1 / -1' },
  },
});
