import { LIMITS } from '../../../api/domain/limits';
import { buildStatusForm, inputForField, STATUS_FORM_INPUT_IDS } from '../../../bot/cards/build-cards';
import type { StatusFormView } from '../../../bot/cards/card-views';
import {
  allActions,
  asRead,
  cardBytes,
  EMPTY_VALUES,
  expectWellFormed,
  formView,
  HOSTILE,
  inputById,
  maxFormView,
  nodesOfType,
  SIZE_BUDGET,
  siblingsAfter,
  visibleTexts,
} from './card-test-kit';

const RAG_INPUTS = ['overall', 'schedule', 'budget', 'scope', 'resources'] as const;
const TEXT_INPUTS = ['accomplishments', 'nextSteps', 'risksAndIssues', 'decisionsNeeded'] as const;

describe('buildStatusForm', () => {
  it('should build a valid Adaptive Card 1.5 at full width', () => {
    const card = buildStatusForm(formView());
    expectWellFormed(card);
    expect(card.msteams).toEqual({ width: 'Full' });
  });

  it('should stay under the size budget with every text at its maximum and every field in error', () => {
    const card = buildStatusForm(maxFormView());
    expectWellFormed(card);
    expect(cardBytes(card)).toBeLessThan(SIZE_BUDGET);
  });

  it('should have exactly the documented inputs', () => {
    const card = buildStatusForm(formView());
    const ids = nodesOfType(card, 'Input.ChoiceSet')
      .concat(
        nodesOfType(card, 'Input.Text'),
        nodesOfType(card, 'Input.Number'),
        nodesOfType(card, 'Input.Date'),
      )
      .map((n) => n.id);
    expect([...ids].sort()).toEqual([...STATUS_FORM_INPUT_IDS].sort());
  });

  it.each(RAG_INPUTS)('should ask for %s as a required compact green/amber/red choice', (id) => {
    const input = inputById(buildStatusForm(formView()), id);
    expect(input).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', isRequired: true });
    expect(input.choices).toEqual([
      { title: 'Green', value: 'green' },
      { title: 'Amber', value: 'amber' },
      { title: 'Red', value: 'red' },
    ]);
  });

  it('should ask for the override reason as optional multi-line text explaining the watermelon guard', () => {
    const input = inputById(buildStatusForm(formView()), 'overallOverrideReason');
    expect(input).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: LIMITS.reason });
    expect(input.isRequired).toBeUndefined();
    expect(input.label).toMatch(/overall is better than the worst/i);
    expect(input.label).toMatch(/only/i);
  });

  it.each(TEXT_INPUTS)('should take %s as multi-line text up to the status text limit', (id) => {
    const input = inputById(buildStatusForm(formView()), id);
    expect(input).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: LIMITS.statusText });
  });

  it('should require accomplishments and next steps but not risks or decisions', () => {
    const card = buildStatusForm(formView());
    expect(inputById(card, 'accomplishments').isRequired).toBe(true);
    expect(inputById(card, 'nextSteps').isRequired).toBe(true);
    expect(inputById(card, 'risksAndIssues').isRequired).toBeUndefined();
    expect(inputById(card, 'decisionsNeeded').isRequired).toBeUndefined();
  });

  it('should take percent complete as a required number from 0 to 100', () => {
    const input = inputById(buildStatusForm(formView()), 'percentComplete');
    expect(input).toMatchObject({ type: 'Input.Number', min: 0, max: 100, isRequired: true });
  });

  it('should take cost to date as a required non-negative number labelled with the currency', () => {
    const input = inputById(buildStatusForm(formView({ currency: 'CHF' })), 'actualCostToDate');
    expect(input).toMatchObject({ type: 'Input.Number', min: 0, max: LIMITS.money, isRequired: true });
    expect(input.label).toContain('CHF');
  });

  it('should take the forecast finish as a required date', () => {
    const input = inputById(buildStatusForm(formView()), 'forecastFinish');
    expect(input).toMatchObject({ type: 'Input.Date', isRequired: true });
  });

  it('should give every input a label, and every required one an error message', () => {
    const card = buildStatusForm(formView());
    for (const id of STATUS_FORM_INPUT_IDS) {
      const input = inputById(card, id);
      expect(typeof input.label).toBe('string');
      expect(input.label).not.toBe('');
      if (input.isRequired) expect(input.errorMessage).toEqual(expect.any(String));
    }
  });

  it('should prefill every input from the values', () => {
    const view = formView();
    const card = buildStatusForm(view);
    for (const id of RAG_INPUTS) expect(inputById(card, id).value).toBe(view.values[id]);
    for (const id of [...TEXT_INPUTS, 'overallOverrideReason', 'forecastFinish'] as const) {
      expect(inputById(card, id).value).toBe(view.values[id]);
    }
    expect(inputById(card, 'percentComplete').value).toBe(45);
    expect(inputById(card, 'actualCostToDate').value).toBe(125000.5);
  });

  it('should leave inputs empty (no value at all) when there is nothing to prefill', () => {
    const card = buildStatusForm(formView({ values: EMPTY_VALUES }));
    expectWellFormed(card);
    for (const id of STATUS_FORM_INPUT_IDS) expect(inputById(card, id)).not.toHaveProperty('value');
  });

  it('should show a number again as a number, and leave out what a number box cannot show', () => {
    const values = { ...EMPTY_VALUES, percentComplete: ' 12.5 ', actualCostToDate: '1,234,567' };
    const card = buildStatusForm(formView({ values }));
    expect(inputById(card, 'percentComplete').value).toBe(12.5);
    expect(inputById(card, 'actualCostToDate').value).toBe(1234567);
    const odd = buildStatusForm(formView({ values: { ...values, percentComplete: 'about half' } }));
    expect(inputById(odd, 'percentComplete')).not.toHaveProperty('value');
  });

  it('should say where the prefilled answers come from', () => {
    const texts = visibleTexts(buildStatusForm(formView({ prefilledFrom: '2026-W47' })));
    expect(texts.some((t) => t.includes('Prefilled with your answers for 2026-W47'))).toBe(true);
    expect(visibleTexts(buildStatusForm(formView())).join('\n')).not.toContain('Prefilled');
  });

  it('should show the project, the week and when it is due', () => {
    const text = visibleTexts(buildStatusForm(formView())).join('\n');
    expect(text).toContain('CRM-7');
    expect(text).toContain('New CRM rollout');
    expect(text).toContain('Week 48 · 23–29 Nov 2026');
    expect(text).toContain('Due Fri 27 Nov, 10:00');
  });

  it.each(['attention', 'warning', 'accent'] as const)(
    'should show a %s banner in a container of that style',
    (tone) => {
      const card = buildStatusForm(
        formView({ banner: { tone, text: 'You are changing the 2026-W48 report.' } }),
      );
      expectWellFormed(card);
      const banner = nodesOfType(card, 'Container').find((c) => c.style === tone);
      expect(JSON.stringify(banner)).toContain('You are changing the 2026-W48 report.');
    },
  );

  describe('the Submit action', () => {
    const submit = (view: StatusFormView) => {
      const actions = allActions(buildStatusForm(view));
      expect(actions).toHaveLength(1);
      return actions[0];
    };

    it('should be one Action.Execute with verb statusSubmit, the project, week and request', () => {
      expect(submit(formView())).toEqual({
        type: 'Action.Execute',
        title: 'Submit status',
        verb: 'statusSubmit',
        style: 'positive',
        data: { projectId: 'proj-1', week: '2026-W48', requestId: 'req-1' },
      });
    });

    it('should carry the expected version (a number) when editing a filed report', () => {
      expect(submit(formView({ expectedVersion: 3 })).data).toEqual({
        projectId: 'proj-1',
        week: '2026-W48',
        requestId: 'req-1',
        expectedVersion: 3,
      });
    });

    it('should leave out a missing request id rather than send null', () => {
      expect(submit(formView({ requestId: null })).data).toEqual({ projectId: 'proj-1', week: '2026-W48' });
    });
  });

  describe('errors', () => {
    const errorsAfter = (card: ReturnType<typeof buildStatusForm>, id: string) => {
      const after = siblingsAfter(card, inputById(card, id));
      const messages: string[] = [];
      for (const node of after) {
        if (node.type !== 'TextBlock' || node.color !== 'attention') break;
        expect(node.wrap).toBe(true);
        messages.push(String(node.text));
      }
      return messages;
    };

    it('should map domain field paths to inputs', () => {
      expect(inputForField('rag.overall')).toBe('overall');
      expect(inputForField('rag.resources')).toBe('resources');
      expect(inputForField('percentComplete')).toBe('percentComplete');
      expect(inputForField('projectId')).toBeNull();
      expect(inputForField('rag')).toBeNull();
    });

    it('should put each message directly under its input and keep every other value', () => {
      const view = formView({
        errors: [
          { field: 'rag.overall', message: 'Overall is green but the worst dimension is red: say why.' },
          { field: 'overallOverrideReason', message: 'Say why the project is healthier overall.' },
          { field: 'percentComplete', message: 'Percent complete must be between 0 and 100.' },
          { field: 'percentComplete', message: 'A second word on the same answer.' },
        ],
      });
      const card = buildStatusForm(view);
      expectWellFormed(card);
      expect(errorsAfter(card, 'overall')).toEqual([
        'Overall is green but the worst dimension is red: say why.',
      ]);
      expect(errorsAfter(card, 'overallOverrideReason')).toEqual([
        'Say why the project is healthier overall.',
      ]);
      expect(errorsAfter(card, 'percentComplete')).toEqual([
        'Percent complete must be between 0 and 100.',
        'A second word on the same answer.',
      ]);
      for (const id of ['schedule', 'budget', 'accomplishments', 'forecastFinish', 'actualCostToDate']) {
        expect(errorsAfter(card, id)).toEqual([]);
      }
      expect(inputById(card, 'overall').value).toBe('amber');
      expect(inputById(card, 'accomplishments').value).toBe(view.values.accomplishments);
      expect(inputById(card, 'percentComplete').value).toBe(45);
    });

    it('should place an error under every kind of input', () => {
      const errors = STATUS_FORM_INPUT_IDS.map((id) => ({
        field: (RAG_INPUTS as readonly string[]).includes(id) ? `rag.${id}` : id,
        message: `Look at ${id}.`,
      }));
      const card = buildStatusForm(formView({ errors }));
      expectWellFormed(card);
      for (const id of STATUS_FORM_INPUT_IDS) expect(errorsAfter(card, id)).toEqual([`Look at ${id}.`]);
    });

    it('should sum the answers that need a look at the top, with errors that belong to no input', () => {
      const card = buildStatusForm(
        formView({
          errors: [
            { field: 'rag.overall', message: 'a' },
            { field: 'rag.overall', message: 'b' },
            { field: 'forecastFinish', message: 'c' },
            { field: 'projectId', message: 'The project is closed.' },
          ],
        }),
      );
      const summary = nodesOfType(card, 'Container').find((c) => c.style === 'attention');
      expect(summary).toBeDefined();
      const lines = (summary?.items as Array<{ text: string }>).map((i) => i.text);
      expect(lines).toEqual(['2 answers need a look.', 'The project is closed.']);
      // The summary comes before the first input.
      const body = card.body.map((e) => JSON.stringify(e));
      expect(body.findIndex((e) => e.includes('answers need a look'))).toBeLessThan(
        body.findIndex((e) => e.includes('Input.')),
      );
    });

    it('should say "1 answer needs a look" for one', () => {
      const card = buildStatusForm(
        formView({ errors: [{ field: 'nextSteps', message: 'Say what comes next.' }] }),
      );
      expect(visibleTexts(card)).toContain('1 answer needs a look.');
    });

    it('should show no summary without errors', () => {
      const card = buildStatusForm(formView());
      expect(nodesOfType(card, 'Container').filter((c) => c.style === 'attention')).toEqual([]);
      expect(nodesOfType(card, 'TextBlock').filter((t) => t.color === 'attention')).toEqual([]);
    });
  });

  describe('text from people', () => {
    it('should keep typed text as typed in every input, templating syntax included', () => {
      const values = {
        ...formView().values,
        overallOverrideReason: HOSTILE,
        accomplishments: HOSTILE,
        nextSteps: `\${accomplishments} ${HOSTILE}`,
        risksAndIssues: '${$root.action.projectId}',
        decisionsNeeded: '${values.overall}',
      };
      const card = buildStatusForm(formView({ values }));
      expect(inputById(card, 'overallOverrideReason').value).toBe(HOSTILE);
      expect(inputById(card, 'accomplishments').value).toBe(HOSTILE);
      expect(inputById(card, 'nextSteps').value).toBe(`\${accomplishments} ${HOSTILE}`);
      expect(inputById(card, 'risksAndIssues').value).toBe('${$root.action.projectId}');
      expect(inputById(card, 'decisionsNeeded').value).toBe('${values.overall}');
    });

    it('should show a hostile title, banner and error as typed, in text that is not markdown', () => {
      const card = buildStatusForm(
        formView({
          project: { id: 'proj-1', code: 'CRM-7', title: HOSTILE },
          banner: { tone: 'accent', text: HOSTILE },
          errors: [{ field: 'week', message: HOSTILE }],
        }),
      );
      const runs = nodesOfType(card, 'TextRun').map((r) => asRead(String(r.text)));
      expect(runs).toContain(` · ${HOSTILE}`);
      expect(runs).toContain(HOSTILE);
      expect(nodesOfType(card, 'TextBlock').map((t) => asRead(String(t.text)))).toContain(HOSTILE);
      // Hosts rewrite {{DATE(…)}} in any text: the shown text must not match their pattern.
      for (const text of visibleTexts(card)) expect(text).not.toMatch(/\{\{(DATE|TIME)\(/);
      expect(JSON.stringify(card)).not.toContain('<undefined');
    });
  });
});
