/** A problem+json body as the API sends it (RFC 9457), with field errors for bad input. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
  /** The message for one field of a form, if the API named it. */
  fieldError(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message;
  }
}

/** How requests prove who is calling: the Teams SSO token, or (dev mode) a demo person's email. */
export type Credentials = () => Promise<Record<string, string>>;

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;

function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Fetches /api with the caller's credentials; every non-2xx becomes an ApiError carrying the problem. */
export class ApiClient {
  constructor(private readonly credentials: Credentials) {}

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.send<T>('GET', `${path}${queryString(query)}`, undefined, signal);
  }
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>('POST', path, body ?? {});
  }
  patch<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PATCH', path, body);
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('PUT', path, body);
  }
  delete<T>(path: string, query?: Query): Promise<T> {
    return this.send<T>('DELETE', `${path}${queryString(query)}`);
  }

  private async send<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...(await this.credentials()) };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new ApiError({ title: 'PMO Hub cannot be reached', status: 0, detail: 'Check your connection.' });
    }
    const text = await response.text();
    const parsed: unknown = text ? safeJson(text) : undefined;
    if (!response.ok) {
      const problem = (parsed ?? {}) as Partial<Problem>;
      throw new ApiError({
        ...problem,
        title: problem.title ?? response.statusText ?? 'Request failed',
        status: response.status,
      });
    }
    return parsed as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Reads the public settings the tab needs before sign-in. */
export async function fetchClientConfig(): Promise<ClientConfig> {
  const response = await fetch('/api/client-config', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new ApiError({ title: 'PMO Hub is not available', status: response.status });
  return (await response.json()) as ClientConfig;
}

export interface ClientConfig {
  authMode: 'dev' | 'entra';
  currency: string;
}
