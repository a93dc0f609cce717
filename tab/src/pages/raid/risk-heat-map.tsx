import { Button, mergeClasses, Text } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { IMPACT_LABEL, PROBABILITY_LABEL, riskZone, SCORES, ZONE_LABEL } from './raid-labels';
import type { RiskZone, Score } from './raid-labels';
import { useRiskHeatMapStyles } from './risk-heat-map.styles';

export interface HeatCell {
  probability: Score;
  impact: Score;
}

/** Rows top-down from the most probable, as risk matrices are drawn. */
const ROWS: readonly Score[] = [5, 4, 3, 2, 1];

/**
 * A 5 × 5 probability × impact matrix counting risks. It is a real table (row and column headers), each
 * cell a toggle button that filters the list beside it; the zone is written in the cell, not only coloured.
 */
export function RiskHeatMap({
  risks,
  caption,
  selected,
  onSelect,
}: {
  risks: ReadonlyArray<{ probability: number; impact: number }>;
  caption: string;
  selected: HeatCell | null;
  onSelect: (cell: HeatCell | null) => void;
}) {
  const styles = useRiskHeatMapStyles();
  const counts = useMemo(() => {
    const grid = new Map<string, number>();
    for (const r of risks)
      grid.set(`${r.probability}-${r.impact}`, (grid.get(`${r.probability}-${r.impact}`) ?? 0) + 1);
    return grid;
  }, [risks]);
  const zoneClass: Record<RiskZone, string> = { low: styles.low, medium: styles.medium, high: styles.high };

  return (
    <div className={styles.root}>
      <div className={styles.scroller}>
        <table className={styles.table}>
          <caption className={styles.caption}>
            <Text size={200}>{caption}</Text>
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.corner}>
                <span className={styles.cornerImpact}>Impact →</span>
                <span>Probability ↓</span>
              </th>
              {SCORES.map((impact) => (
                <th key={impact} scope="col" className={styles.colHeader}>
                  <span className={styles.headerNumber}>{impact}</span>
                  {IMPACT_LABEL[impact - 1]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((probability) => (
              <tr key={probability}>
                <th scope="row" className={styles.rowHeader}>
                  <span className={styles.headerNumber}>{probability}</span>
                  {PROBABILITY_LABEL[probability - 1]}
                </th>
                {SCORES.map((impact) => {
                  const count = counts.get(`${probability}-${impact}`) ?? 0;
                  const zone = riskZone(probability * impact);
                  const isSelected = selected?.probability === probability && selected.impact === impact;
                  const noun = count === 1 ? 'risk' : 'risks';
                  return (
                    <td key={impact} className={styles.cell}>
                      <button
                        type="button"
                        className={mergeClasses(
                          styles.cellButton,
                          zoneClass[zone],
                          isSelected && styles.selected,
                          count === 0 && styles.empty,
                        )}
                        disabled={count === 0 && !isSelected}
                        aria-pressed={isSelected}
                        onClick={() => onSelect(isSelected ? null : { probability, impact })}
                      >
                        <span className={styles.count}>{count}</span>
                        <span className={styles.zone}>{ZONE_LABEL[zone]}</span>
                        {/* The name starts with the visible text (WCAG 2.5.3), then says what it counts. */}
                        <span className={styles.hidden}>
                          {` (${count} ${noun} in the ${ZONE_LABEL[zone].toLowerCase()} zone at probability ${probability}, impact ${impact})`}
                        </span>
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className={styles.legend} aria-label="Zones">
        {(['low', 'medium', 'high'] as const).map((zone) => (
          <li key={zone} className={styles.legendItem}>
            <span className={mergeClasses(styles.swatch, zoneClass[zone])} aria-hidden />
            {ZONE_LABEL[zone]} (
            {zone === 'low' ? 'score 1–4' : zone === 'medium' ? 'score 5–14' : 'score 15–25'})
          </li>
        ))}
      </ul>
      {selected && (
        <div className={styles.filterRow} role="status">
          <Text size={200}>
            Showing risks with probability {selected.probability} (
            {PROBABILITY_LABEL[selected.probability - 1]}) and impact {selected.impact} (
            {IMPACT_LABEL[selected.impact - 1]}).
          </Text>
          <Button size="small" icon={<DismissRegular />} onClick={() => onSelect(null)}>
            Show all
          </Button>
        </div>
      )}
    </div>
  );
}

/** Reads a heat-map cell from URL values ("4", "5"), or null when absent or out of range. */
export function parseHeatCell(p: string | null, i: string | null): HeatCell | null {
  const probability = Number(p);
  const impact = Number(i);
  const ok = (n: number): n is Score => Number.isInteger(n) && n >= 1 && n <= 5;
  return ok(probability) && ok(impact) ? { probability, impact } : null;
}
