import { Router } from 'express';
import { portfolioFromRequest } from './portfolio';
import { actorOf } from '../locals';
import { param, parseBody } from '../parse';
import { projectJson } from '../presenters';
import { createProjectBody, updateProjectBody } from '../schemas/projects';
import type { PortfolioService } from '../../services/portfolio-service';
import type { ProjectsService } from '../../services/projects-service';

export function projectsRouter(projects: ProjectsService, portfolio: PortfolioService): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const { total, page, pageSize, projects: list } = await portfolioFromRequest(portfolio, req, res);
    res.json({ total, page, pageSize, projects: list });
  });

  router.post('/', async (req, res) => {
    const body = parseBody(createProjectBody, req);
    const project = await projects.create(actorOf(res), body);
    res
      .status(201)
      .location(`/api/projects/${project.id}`)
      .set('ETag', `"${project.version}"`)
      .json(projectJson(projects.view(project)));
  });

  router.get('/:id', async (req, res) => {
    const project = await projects.get(actorOf(res), param(req, 'id'));
    res.set('ETag', `"${project.version}"`).json(projectJson(projects.view(project)));
  });

  router.patch('/:id', async (req, res) => {
    const { version, ...changes } = parseBody(updateProjectBody, req);
    const project = await projects.update(actorOf(res), param(req, 'id'), changes, version);
    res.set('ETag', `"${project.version}"`).json(projectJson(projects.view(project)));
  });

  return router;
}
