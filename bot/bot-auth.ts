import type { AuthConfiguration } from '@microsoft/agents-hosting';
import type { Config } from '../api/config/config';

/**
 * The Agents SDK's auth settings from ours. Without credentials (local development, the Agents
 * Playground) the endpoint accepts unauthenticated activities and sends without a token; with them it
 * requires a valid Bot Connector token (401 otherwise) and gets tokens for its own sends. Configuration
 * refuses production without credentials.
 */
export function botAuthConfiguration(
  bot: Config['bot'],
  overrides: Partial<AuthConfiguration> = {},
): AuthConfiguration {
  if (!bot) return { clientId: '', ...overrides };
  return {
    clientId: bot.appId,
    clientSecret: bot.password,
    tenantId: bot.tenantId,
    ...overrides,
  };
}
