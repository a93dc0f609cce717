import { z } from 'zod';
import { isGuid } from '../domain/people';
import { isValidTimeZone } from '../domain/iso-week';
import type { PmoRoleAssignments } from '../services/actors';

/** A setting that is missing or malformed. Start-up prints its message, one line naming the variable. */
export class ConfigError extends Error {}

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|localhost)$/i;

const guidList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .refine((ids) => ids.every(isGuid), 'must be a comma-separated list of Entra object or group ids (GUIDs)');

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const baseSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default('127.0.0.1'),
  STORE: z.enum(['sqlite', 'sharepoint']).default('sqlite'),
  SQLITE_PATH: z.string().min(1).default('./data/pmo-hub.db'),
  SHAREPOINT_SITE_ID: z
    .string()
    .regex(
      /^[A-Za-z0-9.-]+,[0-9a-fA-F-]{36},[0-9a-fA-F-]{36}$/,
      'must be a Graph site id: <hostname>,<site collection id>,<web id>',
    )
    .optional(),
  SHAREPOINT_SITE_URL: z
    .url()
    .refine((u) => u.startsWith('https://'), 'must be the https:// URL of the SharePoint site')
    .optional(),
  GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/'),
  GRAPH_AUTH: z.enum(['app', 'none']).default('app'),
  GRAPH_TENANT_ID: z.string().refine(isGuid, 'must be the Entra tenant id (a GUID)').optional(),
  GRAPH_CLIENT_ID: z.string().refine(isGuid, 'must be the app registration’s client id (a GUID)').optional(),
  GRAPH_CLIENT_SECRET: z.string().optional(),
  GRAPH_CERTIFICATE_PATH: z.string().optional(),
  GRAPH_CERTIFICATE_THUMBPRINT: z
    .string()
    .regex(/^[0-9A-Fa-f]{64}$/, 'must be the certificate’s SHA-256 thumbprint (64 hex digits)')
    .optional(),
  GRAPH_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  GRAPH_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  AUTH_MODE: z.enum(['dev', 'entra']).default('dev'),
  AAD_APP_CLIENT_ID: z
    .string()
    .refine(isGuid, 'must be the API app registration’s client id (a GUID)')
    .optional(),
  AAD_APP_TENANT_ID: z.string().refine(isGuid, 'must be the Entra tenant id (a GUID)').optional(),
  AAD_APP_ID_URI: z.string().startsWith('api://', 'must look like api://<domain>/<client id>').optional(),
  AAD_APP_OAUTH_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  AAD_APP_JWKS_URL: z.url().optional(),
  AAD_APP_TOKEN_ISSUER: z.url().optional(),
  PMO_HEAD_IDS: guidList,
  PMO_SPECIALIST_IDS: guidList,
  PMO_OFFICER_IDS: guidList,
  PMO_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London')
    .default('UTC'),
  PORTFOLIO_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD')
    .default('USD'),
  DEV_DEFAULT_USER: z.email('must be the email of a demo person').optional(),
  SEED_DEMO_DATA: flag.optional(),
  TAB_DIR: z.string().min(1).default('./dist/tab'),
  TAB_FRAME_ANCESTORS: z
    .string()
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .refine(
      (origins) => origins.every((o) => /^https?:\/\/[A-Za-z0-9*.-]+(:\d+)?$/.test(o)),
      'must be a list of origins such as https://host.example.com',
    )
    .default([]),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BOT_ID: z.string().refine(isGuid, 'must be the bot’s Entra app (client) id, a GUID').optional(),
  BOT_PASSWORD: z.string().optional(),
  BOT_TENANT_ID: z.string().refine(isGuid, 'must be the Entra tenant id of the single-tenant bot').optional(),
  STATUS_REMINDER_HOURS: z.coerce.number().min(1).max(168).default(24),
  STATUS_DEADLINE_HOURS: z.coerce.number().min(1).max(336).default(48),
  CR_REMINDER_DAYS: z.coerce.number().min(1).max(30).default(3),
  CR_EXPIRY_DAYS: z.coerce.number().min(1).max(365).default(14),
});

const schema = baseSchema.superRefine((env, ctx) => {
  if (env.AUTH_MODE === 'entra') {
    for (const key of ['AAD_APP_CLIENT_ID', 'AAD_APP_TENANT_ID'] as const) {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when AUTH_MODE=entra' });
    }
  }
  if (env.STORE === 'sharepoint') checkSharePoint(env, ctx);
  if (env.AUTH_MODE === 'dev' && !LOOPBACK.test(env.HOST)) {
    ctx.addIssue({
      code: 'custom',
      path: ['HOST'],
      message: `is ${env.HOST}, but AUTH_MODE=dev trusts a header for identity and only binds to loopback (127.0.0.1, ::1, localhost); use AUTH_MODE=entra to listen elsewhere`,
    });
  }
  if (env.AUTH_MODE === 'dev' && env.NODE_ENV === 'production') {
    ctx.addIssue({
      code: 'custom',
      path: ['AUTH_MODE'],
      message: 'cannot be dev when NODE_ENV=production',
    });
  }
  checkBot(env, ctx);
});

type Env = z.infer<typeof baseSchema>;

/** The bot's credentials come as a set; production needs them (no anonymous /api/messages there). */
function checkBot(env: Env, ctx: z.RefinementCtx): void {
  const set = (['BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID'] as const).filter((k) => env[k]);
  if (set.length > 0 && set.length < 3) {
    const missing = (['BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID'] as const).find((k) => !env[k])!;
    ctx.addIssue({ code: 'custom', path: [missing], message: `is required with ${set.join(' and ')}` });
  }
  if (set.length === 0 && env.NODE_ENV === 'production') {
    ctx.addIssue({
      code: 'custom',
      path: ['BOT_ID'],
      message:
        'is required when NODE_ENV=production (with BOT_PASSWORD and BOT_TENANT_ID): the bot endpoint never runs unauthenticated there',
    });
  }
  if (env.STATUS_DEADLINE_HOURS <= env.STATUS_REMINDER_HOURS) {
    ctx.addIssue({
      code: 'custom',
      path: ['STATUS_DEADLINE_HOURS'],
      message: 'must be later than STATUS_REMINDER_HOURS',
    });
  }
}

function checkSharePoint(env: Env, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (!env.SHAREPOINT_SITE_ID && !env.SHAREPOINT_SITE_URL) {
    issue('SHAREPOINT_SITE_ID', 'is required when STORE=sharepoint (or set SHAREPOINT_SITE_URL)');
  }
  const graphHost = new URL(env.GRAPH_BASE_URL).hostname.replace(/^\[|\]$/g, '');
  if (env.GRAPH_AUTH === 'none') {
    if (!LOOPBACK.test(graphHost)) {
      issue(
        'GRAPH_AUTH',
        `is none, which only works against a local stand-in, but GRAPH_BASE_URL is ${env.GRAPH_BASE_URL}`,
      );
    }
    if (env.NODE_ENV === 'production') issue('GRAPH_AUTH', 'cannot be none when NODE_ENV=production');
    return;
  }
  for (const key of ['GRAPH_TENANT_ID', 'GRAPH_CLIENT_ID'] as const) {
    if (!env[key]) issue(key, 'is required when STORE=sharepoint');
  }
  const certificate = env.GRAPH_CERTIFICATE_PATH || env.GRAPH_CERTIFICATE_THUMBPRINT;
  if (!env.GRAPH_CLIENT_SECRET && !certificate) {
    issue(
      'GRAPH_CLIENT_SECRET',
      'is required when STORE=sharepoint (or set GRAPH_CERTIFICATE_PATH and GRAPH_CERTIFICATE_THUMBPRINT)',
    );
  }
  if (certificate && !(env.GRAPH_CERTIFICATE_PATH && env.GRAPH_CERTIFICATE_THUMBPRINT)) {
    issue(
      env.GRAPH_CERTIFICATE_PATH ? 'GRAPH_CERTIFICATE_THUMBPRINT' : 'GRAPH_CERTIFICATE_PATH',
      'is required with the other GRAPH_CERTIFICATE_* setting',
    );
  }
}

/** How the SharePoint store reaches Graph. */
export interface SharePointConfig {
  kind: 'sharepoint';
  /** A Graph site id, or `{ url }` to resolve through Graph at start-up. */
  site: { id: string } | { url: string };
  graphBaseUrl: string;
  credentials:
    | { mode: 'none' }
    | {
        mode: 'app';
        tenantId: string;
        clientId: string;
        authorityHost: string;
        clientSecret?: string;
        certificate?: { path: string; thumbprintSha256: string };
      };
  maxConcurrency: number;
  currency: string;
}

export interface EntraConfig {
  clientId: string;
  tenantId: string;
  /** Accepted `aud` values: the client id (v2 tokens) and the application ID URI (v1 tokens). */
  audiences: string[];
  issuer: string;
  jwksUrl: string;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  store: { kind: 'sqlite'; sqlitePath: string } | SharePointConfig;
  auth: { mode: 'dev'; defaultUser: string | undefined } | { mode: 'entra'; entra: EntraConfig };
  pmoRoles: PmoRoleAssignments;
  pmoTimeZone: string;
  currency: string;
  seedDemoData: boolean;
  /** The tab's static build and extra hosts that may frame it (Teams' own are always allowed). */
  tab: { dir: string; extraFrameAncestors: string[] };
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** Bot Framework credentials; null in local development (the Agents Playground sends no token). */
  bot: { appId: string; password: string; tenantId: string } | null;
  statusCycle: { reminderAfterMs: number; deadlineAfterMs: number };
  /** Change requests: remind an awaited approver every N days; expire a request nobody settled. */
  approvals: { reminderEveryDays: number; expiryDays: number };
}

/** Reads and checks the environment. Throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings (a blank line in an env file) mean "not set".
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0] ?? 'environment');
    const got = raw[name] === undefined ? 'not set' : `got '${raw[name]}'`;
    throw new ConfigError(
      `Configuration error: ${name} ${issue.message.replace(/^Invalid input: /, '')} (${got}).`,
    );
  }
  const e = parsed.data;
  const auth: Config['auth'] =
    e.AUTH_MODE === 'dev'
      ? { mode: 'dev', defaultUser: e.DEV_DEFAULT_USER }
      : {
          mode: 'entra',
          entra: entraConfig(e.AAD_APP_CLIENT_ID as string, e.AAD_APP_TENANT_ID as string, e),
        };
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    store: e.STORE === 'sqlite' ? { kind: 'sqlite', sqlitePath: e.SQLITE_PATH } : sharePointConfig(e),
    auth,
    pmoRoles: {
      pmoHead: e.PMO_HEAD_IDS,
      projectSpecialist: e.PMO_SPECIALIST_IDS,
      projectOfficer: e.PMO_OFFICER_IDS,
    },
    pmoTimeZone: e.PMO_TIME_ZONE,
    currency: e.PORTFOLIO_CURRENCY,
    seedDemoData: e.SEED_DEMO_DATA ?? e.NODE_ENV !== 'production',
    tab: { dir: e.TAB_DIR, extraFrameAncestors: e.TAB_FRAME_ANCESTORS },
    logLevel: e.LOG_LEVEL,
    bot:
      e.BOT_ID && e.BOT_PASSWORD && e.BOT_TENANT_ID
        ? { appId: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID }
        : null,
    statusCycle: {
      reminderAfterMs: e.STATUS_REMINDER_HOURS * 3600_000,
      deadlineAfterMs: e.STATUS_DEADLINE_HOURS * 3600_000,
    },
    approvals: { reminderEveryDays: e.CR_REMINDER_DAYS, expiryDays: e.CR_EXPIRY_DAYS },
  };
}

function sharePointConfig(e: Env): SharePointConfig {
  return {
    kind: 'sharepoint',
    site: e.SHAREPOINT_SITE_ID ? { id: e.SHAREPOINT_SITE_ID } : { url: e.SHAREPOINT_SITE_URL as string },
    graphBaseUrl: e.GRAPH_BASE_URL,
    credentials:
      e.GRAPH_AUTH === 'none'
        ? { mode: 'none' }
        : {
            mode: 'app',
            tenantId: e.GRAPH_TENANT_ID as string,
            clientId: e.GRAPH_CLIENT_ID as string,
            authorityHost: e.GRAPH_AUTHORITY_HOST,
            ...(e.GRAPH_CLIENT_SECRET ? { clientSecret: e.GRAPH_CLIENT_SECRET } : {}),
            ...(e.GRAPH_CERTIFICATE_PATH && e.GRAPH_CERTIFICATE_THUMBPRINT
              ? {
                  certificate: {
                    path: e.GRAPH_CERTIFICATE_PATH,
                    thumbprintSha256: e.GRAPH_CERTIFICATE_THUMBPRINT,
                  },
                }
              : {}),
          },
    maxConcurrency: e.GRAPH_MAX_CONCURRENCY,
    currency: e.PORTFOLIO_CURRENCY,
  };
}

function entraConfig(clientId: string, tenantId: string, e: Env): EntraConfig {
  const authority = e.AAD_APP_OAUTH_AUTHORITY_HOST.replace(/\/$/, '');
  return {
    clientId,
    tenantId,
    audiences: [clientId, ...(e.AAD_APP_ID_URI ? [e.AAD_APP_ID_URI] : [])],
    issuer: e.AAD_APP_TOKEN_ISSUER ?? `${authority}/${tenantId}/v2.0`,
    jwksUrl: e.AAD_APP_JWKS_URL ?? `${authority}/${tenantId}/discovery/v2.0/keys`,
  };
}
