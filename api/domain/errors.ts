/**
 * Errors every layer understands. The HTTP layer maps each to one problem+json status,
 * the bot to a card message; nothing below the transports knows about either.
 */
export interface FieldError {
  /** Dotted path of the offending field, e.g. `rag.overall` or `percentComplete`. */
  field: string;
  message: string;
}

export abstract class PmoError extends Error {
  abstract readonly kind:
    'validation' | 'not-found' | 'conflict' | 'forbidden' | 'unauthorized' | 'rule' | 'unavailable';
}

/** Input that breaks a documented limit or shape. */
export class ValidationError extends PmoError {
  readonly kind = 'validation' as const;
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

/** Well-formed input that a business rule refuses (a report for a closed project, a watermelon RAG). */
export class RuleViolation extends PmoError {
  readonly kind = 'rule' as const;
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export class NotFoundError extends PmoError {
  readonly kind = 'not-found' as const;
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} '${id}' was not found.`);
  }
}

/** Optimistic concurrency: the record changed since the caller read it. */
export class ConflictError extends PmoError {
  readonly kind = 'conflict' as const;
  constructor(
    message: string,
    readonly currentVersion?: number,
    /** When the conflict is a duplicate: the fields that make it one. */
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export class ForbiddenError extends PmoError {
  readonly kind = 'forbidden' as const;
}

export class UnauthorizedError extends PmoError {
  readonly kind = 'unauthorized' as const;
}

/**
 * A dependency (SharePoint through Graph) stayed throttled or down after every retry it asked for.
 * Nothing was written by the failed call; the caller may try again after `retryAfterSeconds`.
 */
export class UnavailableError extends PmoError {
  readonly kind = 'unavailable' as const;
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
