import type { ErrorRequestHandler, Response } from 'express';
import { z } from 'zod';
import type { FieldError } from '../domain/errors';
import { PmoError } from '../domain/errors';
import { requestIdOf } from './locals';

/** RFC 9457 problem details. `errors` names each offending field. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  /** On 409: the version the record is at now. */
  currentVersion?: number;
}

const TYPE_BASE = 'https://pmo-hub.dev/problems/';

/** A transport-level failure with its own status (bad JSON, wrong media type, 401 from the auth layer). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    detail: string,
    readonly extra: Partial<Problem> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export function sendProblem(res: Response, problem: Problem, headers: Record<string, string> = {}): void {
  res.status(problem.status).set(headers).type('application/problem+json').send(JSON.stringify(problem));
}

/** zod issue paths become dotted field names; a missing key names itself, unknown keys are named too. */
export function fieldErrorsFromZod(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [base, key].filter(Boolean).join('.'),
        message: 'Unknown field: remove it (see /api/openapi.json for the accepted fields).',
      }));
    }
    return [{ field: base || '(body)', message: issue.message }];
  });
}

function fromError(err: unknown): {
  problem: Omit<Problem, 'instance' | 'requestId'>;
  headers?: Record<string, string>;
} {
  if (err instanceof HttpProblem) {
    return {
      problem: {
        type: TYPE_BASE + err.slug,
        title: err.title,
        status: err.status,
        detail: err.message,
        ...err.extra,
      },
      headers: err.headers,
    };
  }
  if (err instanceof z.ZodError) {
    const errors = fieldErrorsFromZod(err);
    return {
      problem: {
        type: TYPE_BASE + 'validation',
        title: 'The request is not valid',
        status: 400,
        detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors,
      },
    };
  }
  if (err instanceof PmoError) {
    switch (err.kind) {
      case 'validation':
      case 'rule': {
        const errors = 'errors' in err ? (err.errors as FieldError[]) : [];
        return {
          problem: {
            type: TYPE_BASE + (err.kind === 'rule' ? 'rule-violation' : 'validation'),
            title: err.kind === 'rule' ? 'A business rule refused the request' : 'The request is not valid',
            // Bad values are 400 like any malformed request; a refused rule is 422.
            status: err.kind === 'rule' ? 422 : 400,
            detail: err.message,
            errors,
          },
        };
      }
      case 'not-found':
        return {
          problem: { type: TYPE_BASE + 'not-found', title: 'Not found', status: 404, detail: err.message },
        };
      case 'conflict': {
        const { currentVersion: current, errors } = err as { currentVersion?: number; errors?: FieldError[] };
        const duplicate = errors !== undefined && errors.length > 0;
        return {
          problem: {
            type: TYPE_BASE + (duplicate ? 'duplicate' : 'conflict'),
            title: duplicate
              ? 'This would duplicate a stored record'
              : 'The record changed since you read it',
            status: 409,
            detail: err.message,
            ...(current !== undefined ? { currentVersion: current } : {}),
            ...(duplicate ? { errors } : {}),
          },
        };
      }
      case 'forbidden':
        return {
          problem: { type: TYPE_BASE + 'forbidden', title: 'Not allowed', status: 403, detail: err.message },
        };
      case 'unauthorized':
        return {
          problem: {
            type: TYPE_BASE + 'unauthorized',
            title: 'Sign-in required',
            status: 401,
            detail: err.message,
          },
        };
      case 'unavailable': {
        const retryAfter = (err as { retryAfterSeconds?: number }).retryAfterSeconds;
        return {
          problem: {
            type: TYPE_BASE + 'unavailable',
            title: 'The data store is busy',
            status: 503,
            detail: err.message,
          },
          headers: retryAfter !== undefined ? { 'Retry-After': String(Math.ceil(retryAfter)) } : {},
        };
      }
    }
  }
  // body-parser's errors carry `type` and `status`.
  const e = err as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.parse.failed') {
    return {
      problem: {
        type: TYPE_BASE + 'malformed-json',
        title: 'The body is not valid JSON',
        status: 400,
        detail: e.message ?? 'Malformed JSON.',
        errors: [{ field: '(body)', message: 'Malformed JSON.' }],
      },
    };
  }
  if (e?.type === 'entity.too.large') {
    return {
      problem: {
        type: TYPE_BASE + 'too-large',
        title: 'The body is too large',
        status: 413,
        detail: e.message ?? '',
      },
    };
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return {
      problem: { type: 'about:blank', title: 'Bad request', status: e.status, detail: e.message ?? '' },
    };
  }
  return {
    problem: {
      type: TYPE_BASE + 'internal',
      title: 'Something went wrong on our side',
      status: 500,
      detail: 'The error was logged; quote the request id when you report it.',
    },
  };
}

/** The one place errors become HTTP answers. */
export const problemHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const { problem, headers } = fromError(err);
  if (problem.status >= 500) req.log?.error({ err }, 'request failed');
  else req.log?.info({ status: problem.status, detail: problem.detail }, 'request refused');
  if (res.headersSent) return;
  sendProblem(res, { ...problem, instance: req.originalUrl, requestId: requestIdOf(res) }, headers);
};
