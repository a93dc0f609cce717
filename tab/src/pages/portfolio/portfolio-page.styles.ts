import { makeStyles, tokens } from '@fluentui/react-components';
import { visuallyHidden } from '../../components/visually-hidden';

export const usePortfolioPageStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
    maxWidth: '1600px',
    marginInline: 'auto',
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  titleBlock: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  sectionHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalM,
  },
  sectionTitle: { margin: 0 },
  count: { color: tokens.colorNeutralForeground2 },
  updating: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  chartsPlaceholder: { minHeight: '392px' },
  visuallyHidden,
});
