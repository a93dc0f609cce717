import fs from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { BOT_COMMANDS } from '../../../bot/bot-commands';

const DIR = path.join(__dirname, '../../../appPackage');
const raw = fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8');

/** The manifest as the Agents Toolkit fills it from env/.env.<name>. */
function filled(): Record<string, unknown> {
  const values: Record<string, string> = {
    TEAMS_APP_ID: '0f1e2d3c-4b5a-4678-9a0b-1c2d3e4f5a6b',
    BOT_ID: '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
    BOT_DOMAIN: 'pmo-hub.azurewebsites.net',
    APP_NAME_SUFFIX: '',
    AAD_APP_CLIENT_ID: '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d',
  };
  const text = raw.replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`manifest.json uses \${{${name}}}, which no environment defines`);
    return values[name];
  });
  return JSON.parse(text) as Record<string, unknown>;
}

describe('appPackage/manifest.json', () => {
  it('should validate against the Teams schema it names (bundled, offline)', async () => {
    const manifest = filled();
    expect(manifest.manifestVersion).toBe('1.30');
    const errors = await AppManifestUtils.validateAgainstSchema(manifest as never);
    expect(errors).toEqual([]);
  });

  it('should list exactly the commands the bot knows, within Teams’ limits', () => {
    const [bot] = filled().bots as Array<{
      commandLists: Array<{ commands: Array<{ title: string; description: string }> }>;
    }>;
    const commands = bot.commandLists.flatMap((l) => l.commands);
    expect(commands).toEqual(BOT_COMMANDS.map((c) => ({ title: c.title, description: c.description })));
    expect(bot.commandLists.length).toBeLessThanOrEqual(3);
    for (const list of bot.commandLists) expect(list.commands.length).toBeLessThanOrEqual(12);
    for (const c of commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('should open the tab from our own domain, with Teams SSO for our API', () => {
    const manifest = filled() as {
      staticTabs: Array<{ entityId: string; contentUrl?: string }>;
      validDomains: string[];
      webApplicationInfo: { id: string; resource: string };
    };
    const tabs = manifest.staticTabs.filter((t) => t.contentUrl);
    expect(tabs.map((t) => t.entityId)).toEqual(['portfolio', 'approvals']);
    for (const tab of tabs) expect(tab.contentUrl).toMatch(/^https:\/\/pmo-hub\.azurewebsites\.net\/tab\//);
    expect(manifest.validDomains).toContain('pmo-hub.azurewebsites.net');
    // Teams SSO: the application ID URI is api://<domain>/<client id>, the domain the tab is served from.
    expect(manifest.webApplicationInfo).toEqual({
      id: '8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d',
      resource: 'api://pmo-hub.azurewebsites.net/8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d',
    });
  });

  it('should ship a 192×192 colour icon and a 32×32 outline icon', () => {
    const size = (file: string) => {
      const png = fs.readFileSync(path.join(DIR, file));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(size('color.png')).toEqual([192, 192]);
    expect(size('outline.png')).toEqual([32, 32]);
  });
});
