import { Button, Dropdown, Field, Option, SearchBox, Switch } from '@fluentui/react-components';
import { DismissRegular, FilterRegular } from '@fluentui/react-icons';
import { memo, useEffect, useId, useState } from 'react';
import type { ListFilter } from './portfolio-filters';
import { LIST_FILTERS } from './portfolio-filters';
import type { PortfolioFilterControls } from './use-portfolio-filters';
import { usePortfolioFilterBarStyles } from './portfolio-filter-bar.styles';

export interface FilterOption {
  value: string;
  text: string;
}

export type FilterOptions = Record<Exclude<ListFilter, 'state'>, FilterOption[]>;

const SEARCH_DELAY_MS = 300;
const NARROW = '(max-width: 600px)';

interface MultiSelectProps {
  name: ListFilter;
  label: string;
  /** "All programs": what an empty selection means. */
  allText: string;
  options: readonly FilterOption[];
  selected: readonly string[];
  onChange(name: ListFilter, values: string[]): void;
}

/** One multi-select filter; the closed control says what is picked. */
const MultiSelectFilter = memo(function MultiSelectFilter({
  name,
  label,
  allText,
  options,
  selected,
  onChange,
}: MultiSelectProps) {
  const styles = usePortfolioFilterBarStyles();
  const textOf = (value: string) => options.find((o) => o.value === value)?.text ?? value;
  const summary =
    selected.length === 0 ? '' : selected.length === 1 ? textOf(selected[0]) : `${selected.length} selected`;
  return (
    <Field label={label}>
      <Dropdown
        className={styles.control}
        multiselect
        placeholder={allText}
        value={summary}
        selectedOptions={[...selected]}
        onOptionSelect={(_e, data) => onChange(name, data.selectedOptions)}
      >
        {options.map((o) => (
          <Option key={o.value} value={o.value}>
            {o.text}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
});

/** Free text, sent to the server a moment after the person stops typing. */
function SearchFilter({ value, onChange }: { value: string; onChange(q: string): void }) {
  const styles = usePortfolioFilterBarStyles();
  const [text, setText] = useState(value);
  // Back/forward or "Clear filters" changed the URL: show what it says.
  useEffect(() => setText((t) => (t.trim() === value ? t : value)), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onChange(text), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <Field label="Search" className={styles.search}>
      <SearchBox
        className={styles.control}
        placeholder="Code, title, program, department or PM"
        value={text}
        maxLength={100}
        onChange={(_e, data) => setText(data.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange(text);
        }}
      />
    </Field>
  );
}

/** On a phone the pick-lists fold away behind one button, so the figures are not a long scroll away. */
function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

/** The filters above the dashboard; every change goes to the URL, and from there to the API. */
export function PortfolioFilterBar({
  controls,
  options,
}: {
  controls: PortfolioFilterControls;
  options: FilterOptions;
}) {
  const styles = usePortfolioFilterBarStyles();
  const { filters, setList } = controls;
  const narrow = useNarrow();
  const [expanded, setExpanded] = useState(false);
  const listsId = useId();
  const picked = LIST_FILTERS.reduce((n, name) => n + (filters[name].length > 0 ? 1 : 0), 0);
  const showLists = !narrow || expanded;
  return (
    <section className={styles.root} aria-label="Filters">
      <SearchFilter value={filters.q} onChange={controls.setText} />
      {narrow && (
        <Button
          className={styles.more}
          icon={<FilterRegular />}
          aria-expanded={expanded}
          aria-controls={listsId}
          onClick={() => setExpanded((v) => !v)}
        >
          {picked > 0 ? `More filters (${picked} set)` : 'More filters'}
        </Button>
      )}
      <div id={listsId} className={styles.lists} hidden={!showLists}>
        {showLists && (
          <>
            <MultiSelectFilter
              name="program"
              label="Program"
              allText="All programs"
              options={options.program}
              selected={filters.program}
              onChange={setList}
            />
            <MultiSelectFilter
              name="department"
              label="Department"
              allText="All departments"
              options={options.department}
              selected={filters.department}
              onChange={setList}
            />
            <MultiSelectFilter
              name="rag"
              label="Overall RAG"
              allText="Any RAG"
              options={options.rag}
              selected={filters.rag}
              onChange={setList}
            />
            <MultiSelectFilter
              name="phase"
              label="Phase"
              allText="Any phase"
              options={options.phase}
              selected={filters.phase}
              onChange={setList}
            />
            <MultiSelectFilter
              name="pm"
              label="Project manager"
              allText="Any PM"
              options={options.pm}
              selected={filters.pm}
              onChange={setList}
            />
            <MultiSelectFilter
              name="sponsor"
              label="Sponsor"
              allText="Any sponsor"
              options={options.sponsor}
              selected={filters.sponsor}
              onChange={setList}
            />
          </>
        )}
      </div>
      <div className={styles.actions}>
        <Switch
          label="Stale status only"
          checked={filters.stale === true}
          onChange={(_e, data) => controls.setStale(data.checked ? true : undefined)}
        />
        <Button
          appearance="subtle"
          icon={<DismissRegular />}
          disabled={!controls.active}
          onClick={controls.clear}
        >
          Clear filters
        </Button>
      </div>
    </section>
  );
}
