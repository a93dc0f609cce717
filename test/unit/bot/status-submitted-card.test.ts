import { buildStatusSubmitted } from '../../../bot/cards/build-cards';
import type { AdaptiveCardJson } from '../../../bot/cards/card-views';
import {
  allActions,
  asRead,
  cardBytes,
  expectWellFormed,
  HOSTILE,
  maxSubmittedView,
  nodesOfType,
  prose,
  SIZE_BUDGET,
  submittedView,
  visibleTexts,
} from './card-test-kit';

/** The colour each RAG row's value is shown in, by row label. */
function ragColours(card: AdaptiveCardJson): Record<string, { value: string; color: string }> {
  const rows: Record<string, { value: string; color: string }> = {};
  for (const set of nodesOfType(card, 'ColumnSet')) {
    const [label, value] = (set.columns as Array<{ items: Array<Record<string, string>> }>).map(
      (c) => c.items[0],
    );
    if (label && value) rows[label.text] = { value: value.text, color: value.color };
  }
  return rows;
}

describe('buildStatusSubmitted', () => {
  it('should build a valid Adaptive Card 1.5', () => {
    expectWellFormed(buildStatusSubmitted(submittedView()));
  });

  it('should stay under the size budget with every text at its maximum', () => {
    const card = buildStatusSubmitted(maxSubmittedView());
    expectWellFormed(card);
    expect(cardBytes(card)).toBeLessThan(SIZE_BUDGET);
  });

  it('should say who submitted it and when', () => {
    const runs = nodesOfType(buildStatusSubmitted(submittedView()), 'TextRun').map((r) => r.text);
    expect(runs.join('')).toContain('Submitted by Dana Whitfield · Thu 26 Nov, 16:40');
  });

  it('should show "revision N" only from the second submission', () => {
    expect(visibleTexts(buildStatusSubmitted(submittedView())).join('\n')).not.toMatch(/revision/);
    const runs = nodesOfType(buildStatusSubmitted(submittedView({ version: 3 })), 'TextRun').map(
      (r) => r.text,
    );
    expect(runs.join('')).toContain('Thu 26 Nov, 16:40 · revision 3');
  });

  it('should colour each RAG: green good, amber warning, red attention', () => {
    const card = buildStatusSubmitted(
      submittedView({
        rag: { overall: 'red', schedule: 'amber', budget: 'green', scope: 'red', resources: 'green' },
      }),
    );
    expect(ragColours(card)).toEqual({
      Overall: { value: 'Red', color: 'attention' },
      Schedule: { value: 'Amber', color: 'warning' },
      Budget: { value: 'Green', color: 'good' },
      Scope: { value: 'Red', color: 'attention' },
      Resources: { value: 'Green', color: 'good' },
    });
  });

  it('should show percent complete, cost to date with its currency and the forecast finish', () => {
    const facts = nodesOfType(buildStatusSubmitted(submittedView()), 'FactSet')[0].facts;
    expect(facts).toEqual([
      { title: 'Complete', value: '45%' },
      { title: 'Cost to date', value: '125,000.5 EUR' },
      { title: 'Forecast finish', value: '31 Mar 2027' },
    ]);
  });

  it('should show the override reason only when there is one', () => {
    const without = visibleTexts(buildStatusSubmitted(submittedView())).join('\n');
    expect(without).not.toContain('Why overall is better');
    const card = buildStatusSubmitted(submittedView({ overallOverrideReason: 'Two hires start Monday.' }));
    const text = visibleTexts(card).join('\n');
    expect(text).toContain('Why overall is better');
    expect(text).toContain('Two hires start Monday.');
  });

  it('should show the first 300 characters of the accomplishments', () => {
    const long = prose(2000, 'Done');
    const runs = nodesOfType(buildStatusSubmitted(submittedView({ accomplishments: long })), 'TextRun');
    const shown = runs.map((r) => String(r.text)).find((t) => t.startsWith('Done:'));
    expect(shown).toBeDefined();
    expect(Array.from(shown ?? '')).toHaveLength(300);
    expect(shown?.endsWith('…')).toBe(true);
    expect(long.startsWith((shown ?? '').slice(0, -1))).toBe(true);
  });

  it('should not cut an emoji in half', () => {
    const text = `${'a'.repeat(298)}👩‍💻👩‍💻👩‍💻`;
    const runs = nodesOfType(buildStatusSubmitted(submittedView({ accomplishments: text })), 'TextRun');
    expect(runs.map((r) => r.text)).toContain(`${'a'.repeat(298)}👩‍💻…`);
  });

  it('should offer Edit (verb statusEdit, the project and week) only when the PM may still edit', () => {
    expect(allActions(buildStatusSubmitted(submittedView({ canEdit: true })))).toEqual([
      {
        type: 'Action.Execute',
        title: 'Edit',
        verb: 'statusEdit',
        data: { projectId: 'proj-1', week: '2026-W48' },
      },
    ]);
    expect(allActions(buildStatusSubmitted(submittedView({ canEdit: false })))).toEqual([]);
  });

  it('should show what people typed as typed', () => {
    const card = buildStatusSubmitted(
      submittedView({
        project: { id: 'proj-1', code: 'CRM-7', title: HOSTILE },
        submittedBy: HOSTILE,
        overallOverrideReason: HOSTILE,
        accomplishments: HOSTILE,
      }),
    );
    const runs = nodesOfType(card, 'TextRun').map((r) => asRead(String(r.text)));
    expect(runs.filter((t) => t === HOSTILE).length).toBe(3);
    expect(runs).toContain(` · ${HOSTILE}`);
    for (const text of visibleTexts(card)) expect(text).not.toMatch(/\{\{(DATE|TIME)\(/);
  });
});
