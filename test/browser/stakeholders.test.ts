import type { TestBrowser } from '../support/browser';
import {
  eventually,
  expectNoAxeViolations,
  launchBrowser,
  openTab,
  saveScreenshot,
} from '../support/browser';
import type { BrowserServer } from '../support/browser-server';
import { BROWSER_NOW, startBrowserServer } from '../support/browser-server';

/**
 * The Project page's stakeholder register in a browser, as the demo PM of a project: add an entry through
 * the dialog (the server's field error shown beside its field, the input kept, then fixed), see it listed,
 * and find it in the store.
 */
jest.setTimeout(60_000);

describe('the stakeholder register in the tab', () => {
  let server: BrowserServer;
  let browser: TestBrowser;

  beforeAll(async () => {
    server = await startBrowserServer();
    browser = await launchBrowser({
      now: BROWSER_NOW,
      // The refused first attempt is the point of the test: Chromium logs the 400 it answered.
      allow: [{ pattern: /Failed to load resource: the server responded with a status of 400/ }],
    });
  });
  afterEach(async () => {
    await browser.closePages();
    browser.assertNoPageErrors();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('should let the PM add a customer address, fixing the field the server refused', async () => {
    const project = server.demo.projects.find((p) => p.state === 'active')!;
    const pm = project.projectManager;
    const before = await server.store.listStakeholders({ projectId: project.id });
    const page = await openTab(browser, server.url, {
      path: `/projects/${project.id}?tab=stakeholders`,
      as: pm.email,
    });
    const register = page.getByRole('table', { name: 'Stakeholder register' });
    // The demo's sponsors are listed from the register.
    for (const sponsor of project.sponsors) await register.getByText(sponsor.name).first().waitFor();
    await expectNoAxeViolations(page, { label: 'stakeholders', exclude: ['[data-tabster-dummy]'] });

    await page.getByRole('button', { name: 'Add stakeholder' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add stakeholder' });
    await dialog.getByLabel('Reaches').selectOption('address');
    const address = dialog.getByRole('textbox', { name: 'Email address' });
    await address.fill('Buyer <buyer@fabrikam.example>');
    await dialog.getByLabel('Role').selectOption('customer');
    await dialog.getByLabel('Frequency').selectOption('monthly');
    await dialog.getByRole('button', { name: 'Add stakeholder' }).click();

    await dialog.getByText(/one bare address/).waitFor();
    expect(await address.inputValue()).toBe('Buyer <buyer@fabrikam.example>');
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByLabel('Role').inputValue()).toBe('customer');
    await expectNoAxeViolations(page, { label: 'stakeholder dialog', exclude: ['[data-tabster-dummy]'] });
    await saveScreenshot(page, 'tab-stakeholder-dialog');

    await address.fill('buyer@fabrikam.example');
    await dialog.getByRole('button', { name: 'Add stakeholder' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Saved buyer@fabrikam.example.' }).waitFor();
    const row = register.getByRole('row').filter({ hasText: 'buyer@fabrikam.example' });
    await row.getByText('Customer').waitFor();
    await row.getByText('Email').waitFor();
    await row.getByText('Monthly').waitFor();

    const stored = await eventually(async () => {
      const entries = await server.store.listStakeholders({ projectId: project.id });
      expect(entries).toHaveLength(before.length + 1);
      return entries;
    });
    expect(stored.find((s) => s.address === 'buyer@fabrikam.example')).toMatchObject({
      scope: { kind: 'project', id: project.id },
      person: null,
      channelId: null,
      role: 'customer',
      channel: 'email',
      frequency: 'monthly',
      version: 1,
    });
    await expectNoAxeViolations(page, { label: 'stakeholders after add', exclude: ['[data-tabster-dummy]'] });
    await saveScreenshot(page, 'tab-stakeholders');
  });
});
