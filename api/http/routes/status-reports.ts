import { Router } from 'express';
import { actorOf } from '../locals';
import { param, parseBody, parseQuery } from '../parse';
import { projectJson, statusReportJson } from '../presenters';
import { isoWeek } from '../schemas/common';
import { listStatusQuery, submitStatusBody } from '../schemas/status';
import type { ProjectsService } from '../../services/projects-service';
import type { StatusService } from '../../services/status-service';

/** Mounted at /api/projects/:id/status-reports. */
export function statusReportsRouter(status: StatusService, projects: ProjectsService): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    const query = parseQuery(listStatusQuery, req);
    const reports = await status.list(actorOf(res), param(req, 'id'), query);
    res.json({ reports: reports.map(statusReportJson) });
  });

  router.post('/', async (req, res) => {
    const { week, version, source, ...answers } = parseBody(submitStatusBody, req);
    const result = await status.submit(actorOf(res), param(req, 'id'), {
      week,
      expectedVersion: version,
      source: source ?? 'api',
      answers: {
        ...answers,
        overallOverrideReason: answers.overallOverrideReason ?? null,
        risksAndIssues: answers.risksAndIssues ?? '',
        decisionsNeeded: answers.decisionsNeeded ?? '',
      },
    });
    const location = `/api/projects/${result.report.projectId}/status-reports/${result.report.week}`;
    res
      .status(result.created ? 201 : 200)
      .location(location)
      .json({
        ...statusReportJson(result.report),
        unchanged: result.unchanged,
        project: projectJson(projects.view(result.project)),
      });
  });

  router.get('/:week', async (req, res) => {
    const week = isoWeek.parse(param(req, 'week'));
    const { report, revisions } = await status.get(actorOf(res), param(req, 'id'), week);
    res.json({
      ...statusReportJson(report),
      revisions: revisions.map((r) => ({
        version: r.version,
        replacedAt: r.replacedAt,
        replacedBy: r.replacedBy,
        report: statusReportJson(r.snapshot),
      })),
    });
  });

  return router;
}
