import { useEffect, useState } from 'react';
import type { ProjectJson } from '../../api/types';
import { useApi } from '../../session/session-context';

/** A project as the approvals page knows it: loaded, or not readable by this person (null). */
export type ProjectLookup = ReadonlyMap<string, ProjectJson | null>;

/**
 * The projects of the change requests on screen, fetched once each (a sponsor sees a handful). An
 * approver who is not a member of the project gets no details (403): the card says so and still works.
 */
export function useProjectSummaries(ids: readonly string[]): ProjectLookup {
  const api = useApi();
  const [known, setKnown] = useState<ReadonlyMap<string, ProjectJson | null>>(new Map());
  const missing = [...new Set(ids)].filter((id) => !known.has(id)).sort();
  const key = missing.join(',');

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    const wanted = key.split(',');
    void Promise.all(
      wanted.map((id) =>
        api
          .get<ProjectJson>(`/projects/${encodeURIComponent(id)}`, undefined, controller.signal)
          .catch(() => null),
      ),
    ).then((projects) => {
      if (controller.signal.aborted) return;
      setKnown((current) => {
        const next = new Map(current);
        wanted.forEach((id, i) => next.set(id, projects[i]));
        return next;
      });
    });
    return () => controller.abort();
  }, [api, key]);

  return known;
}
