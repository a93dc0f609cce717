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

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().min(1).default('127.0.0.1'),
    STORE: z.enum(['sqlite']).default('sqlite'),
    SQLITE_PATH: z.string().min(1).default('./data/pmo-hub.db'),
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
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.AUTH_MODE === 'entra') {
      for (const key of ['AAD_APP_CLIENT_ID', 'AAD_APP_TENANT_ID'] as const) {
        if (!env[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when AUTH_MODE=entra' });
      }
    }
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
  });

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
  store: { kind: 'sqlite'; sqlitePath: string };
  auth: { mode: 'dev'; defaultUser: string | undefined } | { mode: 'entra'; entra: EntraConfig };
  pmoRoles: PmoRoleAssignments;
  pmoTimeZone: string;
  currency: string;
  seedDemoData: boolean;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
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
    store: { kind: e.STORE, sqlitePath: e.SQLITE_PATH },
    auth,
    pmoRoles: {
      pmoHead: e.PMO_HEAD_IDS,
      projectSpecialist: e.PMO_SPECIALIST_IDS,
      projectOfficer: e.PMO_OFFICER_IDS,
    },
    pmoTimeZone: e.PMO_TIME_ZONE,
    currency: e.PORTFOLIO_CURRENCY,
    seedDemoData: e.SEED_DEMO_DATA ?? e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
  };
}

function entraConfig(clientId: string, tenantId: string, e: z.infer<typeof schema>): EntraConfig {
  const authority = e.AAD_APP_OAUTH_AUTHORITY_HOST.replace(/\/$/, '');
  return {
    clientId,
    tenantId,
    audiences: [clientId, ...(e.AAD_APP_ID_URI ? [e.AAD_APP_ID_URI] : [])],
    issuer: e.AAD_APP_TOKEN_ISSUER ?? `${authority}/${tenantId}/v2.0`,
    jwksUrl: e.AAD_APP_JWKS_URL ?? `${authority}/${tenantId}/discovery/v2.0/keys`,
  };
}
