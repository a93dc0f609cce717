import { awayBody } from './schemas/people';
import {
  decisionBody,
  listChangeRequestsQuery,
  raiseChangeRequestBody,
  reassignBody,
} from './schemas/change-requests';
import { runCycleBody } from './routes/status-requests';
import { z } from 'zod';
import {
  portfolioFilterQuery,
  portfolioHighlightsResponse,
  portfolioQuery,
  portfolioResponse,
  portfolioTrendResponse,
  trendQuery,
} from './schemas/portfolio';
import { createProjectBody, projectResponse, updateProjectBody } from './schemas/projects';
import { RAID_PATHS, raidAcrossQuery, raidAcrossResponse, raidSchemas } from './schemas/raid';
import {
  reminderResultsResponse,
  sendRemindersBody,
  statusRequestsOfWeekResponse,
  statusRequestsQuery,
} from './schemas/status-requests';
import { listStatusQuery, statusReportResponse, submitStatusBody } from './schemas/status';
import { RAID_KINDS } from '../domain/raid';
import {
  createStakeholderBody,
  deleteStakeholderQuery,
  listStakeholdersQuery,
  stakeholderResponse,
  stakeholdersResponse,
  updateStakeholderBody,
} from './schemas/stakeholders';

type JsonSchema = Record<string, unknown>;

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  ok: { status: number; schema?: z.ZodType; description: string };
  errors: number[];
  public?: boolean;
}

const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    currentVersion: { type: 'integer', description: 'On 409: the version the record is at now.' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed JSON, unknown or invalid fields (each named in `errors`)',
  401: 'No valid sign-in',
  403: 'Signed in, but not allowed',
  404: 'No such record',
  409: 'The record changed since you read it (stale `version`), or a duplicate',
  413: 'Body too large',
  415: 'Body is not application/json',
  422: 'A business rule refused the request (e.g. a closed project)',
};

const projectId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

function operations(): Operation[] {
  const raid: Operation[] = RAID_KINDS.flatMap((kind) => {
    const path = `/api/projects/{id}/${RAID_PATHS[kind]}`;
    return [
      {
        method: 'get',
        path,
        summary: `List the project's ${RAID_PATHS[kind]}`,
        ok: { status: 200, description: 'Items' },
        errors: [401, 403, 404],
      },
      {
        method: 'post',
        path,
        summary: `Add to the project's ${RAID_PATHS[kind]}`,
        body: raidSchemas[kind].create,
        ok: { status: 201, description: 'Created' },
        errors: [400, 401, 403, 404, 415],
      },
      {
        method: 'get',
        path: `${path}/{itemId}`,
        summary: `One item of ${RAID_PATHS[kind]}`,
        ok: { status: 200, description: 'The item' },
        errors: [401, 403, 404],
      },
      {
        method: 'patch',
        path: `${path}/{itemId}`,
        summary: `Change an item of ${RAID_PATHS[kind]}`,
        body: raidSchemas[kind].update,
        ok: { status: 200, description: 'Updated' },
        errors: [400, 401, 403, 404, 409, 415],
      },
    ] satisfies Operation[];
  });
  return [
    {
      method: 'get',
      path: '/api/health',
      summary: 'Liveness',
      ok: { status: 200, description: '{"status":"ok"}' },
      errors: [],
      public: true,
    },
    {
      method: 'get',
      path: '/api/me',
      summary: 'Who the caller is and their PMO role',
      ok: { status: 200, description: 'The caller' },
      errors: [401],
    },
    {
      method: 'get',
      path: '/api/people',
      summary: 'The people directory',
      ok: { status: 200, description: 'People' },
      errors: [401],
    },
    {
      method: 'get',
      path: '/api/change-requests',
      summary: 'Change requests (state, project; mine=to-approve: awaiting my decision)',
      query: listChangeRequestsQuery,
      ok: { status: 200, description: 'Change requests with their decisions and current approvers' },
      errors: [400, 401],
    },
    {
      method: 'post',
      path: '/api/change-requests',
      summary: "Raise a change request (approvers default to the project's sponsors)",
      body: raiseChangeRequestBody,
      ok: { status: 201, description: 'The change request, submitted' },
      errors: [400, 401, 403, 404, 422],
    },
    {
      method: 'get',
      path: '/api/change-requests/{id}',
      summary: 'A change request, its decisions and whose decision is awaited',
      ok: { status: 200, description: 'The change request' },
      errors: [401, 404],
    },
    {
      method: 'post',
      path: '/api/change-requests/{id}/decisions',
      summary: 'Approve or reject (the current approver only; a rejection needs a comment)',
      body: decisionBody,
      ok: { status: 201, description: 'The change request after the decision' },
      errors: [400, 401, 403, 404, 422],
    },
    {
      method: 'post',
      path: '/api/change-requests/{id}/withdraw',
      summary: 'Withdraw (the requester or PMO staff)',
      ok: { status: 200, description: 'The change request, withdrawn' },
      errors: [401, 403, 404, 422],
    },
    {
      method: 'post',
      path: '/api/change-requests/{id}/reassign',
      summary: 'PMO staff: put someone in the place of an approver who has not decided',
      body: reassignBody,
      ok: { status: 200, description: 'The change request with its new approvers' },
      errors: [400, 401, 403, 404, 422],
    },
    {
      method: 'get',
      path: '/api/status-requests',
      summary: "PMO staff: a week's status requests (default this PMO week), by PM, with counts per state",
      query: statusRequestsQuery,
      ok: {
        status: 200,
        schema: statusRequestsOfWeekResponse,
        description: 'The week, its counts, its requests',
      },
      errors: [400, 401, 403],
    },
    {
      method: 'post',
      path: '/api/status-requests/reminders',
      summary:
        'PMO staff: send the reminder card now to the PM of each pending or overdue request (1–200 ids)',
      body: sendRemindersBody,
      ok: {
        status: 200,
        schema: reminderResultsResponse,
        description: 'One outcome per id: sent, undeliverable, skipped (with why) or notFound',
      },
      errors: [400, 401, 403, 415],
    },
    {
      method: 'post',
      path: '/api/status-requests/run',
      summary:
        'PMO staff: run the weekly status cycle now (force: ask every active project without a request)',
      body: runCycleBody,
      ok: {
        status: 200,
        description: 'What the pass did: sent, reminded, escalated, excused, undeliverable',
      },
      errors: [400, 401, 403],
    },
    {
      method: 'put',
      path: '/api/me/away',
      summary: 'Away through a date (no status requests meanwhile), or back with null',
      body: awayBody,
      ok: { status: 200, description: 'The caller, with awayUntil' },
      errors: [400, 401],
    },
    {
      method: 'put',
      path: '/api/people/{id}/away',
      summary: 'PMO staff: mark someone away, or back',
      body: awayBody,
      ok: { status: 200, description: 'The person, with awayUntil' },
      errors: [400, 401, 403, 404],
    },
    {
      method: 'get',
      path: '/api/portfolio',
      summary: 'The portfolio: filtered, sorted, paged, with roll-ups',
      query: portfolioQuery,
      ok: { status: 200, schema: portfolioResponse, description: 'A page and the roll-ups over every match' },
      errors: [400, 401],
    },
    {
      method: 'get',
      path: '/api/portfolio/trend',
      summary: "Each visible project's overall RAG over the last N ISO weeks (1–26, default 8)",
      query: trendQuery,
      ok: {
        status: 200,
        schema: portfolioTrendResponse,
        description: 'Weeks oldest first, a row per project',
      },
      errors: [400, 401],
    },
    {
      method: 'get',
      path: '/api/portfolio/highlights',
      summary:
        "The dashboard's figures over the visible projects matching the filters; awaitingMyDecision unfiltered",
      query: portfolioFilterQuery,
      ok: { status: 200, schema: portfolioHighlightsResponse, description: 'The figures' },
      errors: [400, 401],
    },
    {
      method: 'get',
      path: '/api/raid',
      summary: 'Risks, issues or decisions across every visible project, most severe first',
      query: raidAcrossQuery,
      ok: { status: 200, schema: raidAcrossResponse, description: 'Items, each with its project' },
      errors: [400, 401],
    },
    {
      method: 'get',
      path: '/api/projects',
      summary: 'Projects (same filters as the portfolio)',
      query: portfolioQuery,
      ok: { status: 200, description: 'A page of projects' },
      errors: [400, 401],
    },
    {
      method: 'post',
      path: '/api/projects',
      summary: 'Create a project (PMO staff)',
      body: createProjectBody,
      ok: { status: 201, schema: projectResponse, description: 'Created' },
      errors: [400, 401, 403, 409, 415],
    },
    {
      method: 'get',
      path: '/api/projects/{id}',
      summary: 'One project',
      ok: { status: 200, schema: projectResponse, description: 'The project' },
      errors: [401, 403, 404],
    },
    {
      method: 'patch',
      path: '/api/projects/{id}',
      summary: 'Change a project (PMO staff), naming the version read',
      body: updateProjectBody,
      ok: { status: 200, schema: projectResponse, description: 'Updated' },
      errors: [400, 401, 403, 404, 409, 415],
    },
    {
      method: 'get',
      path: '/api/projects/{id}/status-reports',
      summary: 'Status history, newest first',
      query: listStatusQuery,
      ok: { status: 200, description: '{ reports: StatusReport[] }' },
      errors: [400, 401, 403, 404],
    },
    {
      method: 'post',
      path: '/api/projects/{id}/status-reports',
      summary: "Submit (or update) this week's status",
      body: submitStatusBody,
      ok: {
        status: 201,
        schema: statusReportResponse,
        description: 'Created (200 when this week’s report was updated)',
      },
      errors: [400, 401, 403, 404, 409, 415, 422],
    },
    {
      method: 'get',
      path: '/api/projects/{id}/status-reports/{week}',
      summary: "One week's report with its edit history",
      ok: { status: 200, schema: statusReportResponse, description: 'The report and its revisions' },
      errors: [400, 401, 403, 404],
    },
    ...raid,
    {
      method: 'get',
      path: '/api/stakeholders',
      summary:
        "Stakeholder registers: a project's, a program's (both with both filters); PMO staff see every register, others those of their projects and their projects' programs",
      query: listStakeholdersQuery,
      ok: { status: 200, schema: stakeholdersResponse, description: 'The entries' },
      errors: [400, 401, 403, 404],
    },
    {
      method: 'post',
      path: '/api/stakeholders',
      summary:
        "Add to a register (a project's: its PM, delegates or PMO staff; a program's: PMO staff); a duplicate is 409 naming the field",
      body: createStakeholderBody,
      ok: { status: 201, schema: stakeholderResponse, description: 'Created' },
      errors: [400, 401, 403, 404, 409, 415],
    },
    {
      method: 'patch',
      path: '/api/stakeholders/{id}',
      summary: 'Change an entry, naming the version read',
      body: updateStakeholderBody,
      ok: { status: 200, schema: stakeholderResponse, description: 'Updated' },
      errors: [400, 401, 403, 404, 409, 415],
    },
    {
      method: 'delete',
      path: '/api/stakeholders/{id}',
      summary: 'Remove an entry, naming the version read in the query (?version=3)',
      query: deleteStakeholderQuery,
      ok: { status: 204, description: 'Removed' },
      errors: [400, 401, 403, 404, 409],
    },
  ];
}

/** OpenAPI 3.1 generated from the zod schemas the routers validate with, so the two cannot drift. */
export function buildOpenApi(): JsonSchema {
  const components: Record<string, JsonSchema> = { Problem: problemSchema };
  const convert = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const json = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });
    // Schemas with a meta id land in $defs; lift them into the document's components.
    const relinked = JSON.parse(
      JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/'),
    ) as JsonSchema & { $defs?: Record<string, JsonSchema> };
    const { $defs, $schema: _schema, ...rest } = relinked;
    Object.assign(components, $defs ?? {});
    return rest;
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations()) {
    const parameters: unknown[] = [];
    if (op.path.includes('{id}')) parameters.push(projectId);
    if (op.path.includes('{itemId}')) parameters.push({ ...projectId, name: 'itemId' });
    if (op.path.includes('{week}'))
      parameters.push({
        name: 'week',
        in: 'path',
        required: true,
        schema: { type: 'string', example: '2026-W48' },
      });
    if (op.query) {
      const q = convert(op.query, 'input') as {
        properties?: Record<string, JsonSchema>;
        required?: string[];
      };
      for (const [name, schema] of Object.entries(q.properties ?? {}))
        parameters.push({
          name,
          in: 'query',
          ...(q.required?.includes(name) ? { required: true } : {}),
          schema,
        });
    }
    const responses: Record<string, unknown> = {
      [op.ok.status]: {
        description: op.ok.description,
        ...(op.ok.schema
          ? { content: { 'application/json': { schema: convert(op.ok.schema, 'output') } } }
          : {}),
      },
    };
    for (const status of op.errors) {
      responses[status] = {
        description: ERROR_TEXT[status],
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        ...(op.public ? { security: [] } : {}),
        ...(parameters.length ? { parameters } : {}),
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: convert(op.body, 'input') } },
              },
            }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'PMO Hub API',
      version: '0.1.0',
      description:
        'The PMO Hub API behind the Teams tab and bot. Sign in with the Teams SSO token (Bearer); in local dev mode, send X-Dev-User: <email>.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: components,
      securitySchemes: {
        teamsSso: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Entra ID token from Teams SSO (scope access_as_user)',
        },
      },
    },
    security: [{ teamsSso: [] }],
    paths,
  };
}
