import express from 'express';
import compression from 'compression';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { PeopleService } from '../services/people-service';
import type { PortfolioService } from '../services/portfolio-service';
import type { ProjectsService } from '../services/projects-service';
import type { RaidService } from '../services/raid-service';
import type { StakeholderService } from '../services/stakeholder-service';
import type { StatusService } from '../services/status-service';
import type { IdentityResolver } from './auth/authenticate';
import { authenticate } from './auth/authenticate';
import { actorOf } from './locals';
import { buildOpenApi } from './openapi';
import { HttpProblem, problemHandler } from './problem';
import { changeRequestsRouter } from './routes/change-requests';
import { peopleRouter } from './routes/people';
import type { ChangeRequestService } from '../services/change-request-service';
import { portfolioRouter } from './routes/portfolio';
import { projectsRouter } from './routes/projects';
import { raidAcrossProjectsRouter, raidRouter } from './routes/raid';
import { statusReportsRouter } from './routes/status-reports';
import { stakeholdersRouter } from './routes/stakeholders';
import { statusRequestsRouter } from './routes/status-requests';
import type { TabHosting } from './tab-static';
import { tabRouter } from './tab-static';
import type { StatusCycleService } from '../services/status-cycle-service';

export interface AppServices {
  people: PeopleService;
  projects: ProjectsService;
  status: StatusService;
  portfolio: PortfolioService;
  raid: RaidService;
  statusCycle: StatusCycleService;
  changeRequests: ChangeRequestService;
  stakeholders: StakeholderService;
}

export interface AppOptions {
  services: AppServices;
  identity: IdentityResolver;
  authMode: 'dev' | 'entra';
  /** The bot's endpoint (the Agents SDK's request handler), mounted at POST /api/messages. */
  botHandler?: (req: express.Request, res: express.Response) => Promise<void>;
  /** Which store serves the data, shown by /api/health. */
  storeKind: 'sqlite' | 'sharepoint';
  currency: string;
  logger: Logger;
  /** Where the tab's build lives and who may frame it; omitted, /tab is not served. */
  tab?: TabHosting;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Builds the Express app; `server.ts` only wires and listens, so tests drive this app over real HTTP. */
export function createApp(options: AppOptions): express.Express {
  const { services } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet());
  // The portfolio of thousands of projects is megabytes of JSON, and the tab's scripts compress 4:1.
  app.use(compression());
  app.use(
    pinoHttp({
      logger: options.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customProps: (req) => ({ requestId: req.id }),
      // A Bearer token never lands in a log.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
    }),
  );
  app.use((req, res, next) => {
    res.locals.requestId = String(req.id);
    next();
  });

  if (options.botHandler) {
    const handler = options.botHandler;
    // Bot Framework activities: the SDK checks the Bot Connector's token itself (401 without one when
    // the bot has credentials), so this route stays outside the API's own authentication.
    app.post('/api/messages', express.json({ limit: '1mb' }), (req, res, next) => {
      handler(req, res).catch(next);
    });
    // Only the Bot Connector's POST is served; tools probe with HEAD (the Agents Playground does).
    app.all('/api/messages', (_req, res) => {
      res.set('Allow', 'POST').status(405).end();
    });
  }

  if (options.tab) {
    app.use('/tab', tabRouter(options.tab));
    app.get('/', (_req, res) => res.redirect(302, '/tab/'));
  }

  const api = express.Router();
  api.use(requireJsonBodies);
  api.use(express.json({ limit: '256kb', strict: true, type: ['application/json', 'application/*+json'] }));

  api.get('/health', (_req, res) => {
    res.json({ status: 'ok', store: options.storeKind });
  });
  // What the tab needs before anyone signs in: which sign-in to use and how to show money.
  api.get('/client-config', (_req, res) => {
    res.json({ authMode: options.authMode, currency: options.currency });
  });
  const openApi = buildOpenApi();
  api.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });

  api.use(authenticate(options.identity, services.people));

  api.get('/me', (_req, res) => {
    const actor = actorOf(res);
    res.json({
      id: actor.id,
      name: actor.name,
      email: actor.email,
      pmoRole: actor.pmoRole,
      isPmoStaff: actor.pmoRole !== null,
      authMode: options.authMode,
    });
  });
  api.use(peopleRouter(services.people));
  api.use('/status-requests', statusRequestsRouter(services.statusCycle));
  api.use('/change-requests', changeRequestsRouter(services.changeRequests));
  api.use('/portfolio', portfolioRouter(services.portfolio, options.currency));
  api.use('/projects', projectsRouter(services.projects, services.portfolio));
  api.use('/projects/:id/status-reports', statusReportsRouter(services.status, services.projects));
  api.use('/projects/:id', raidRouter(services.raid));
  api.use('/raid', raidAcrossProjectsRouter(services.raid));
  api.use('/stakeholders', stakeholdersRouter(services.stakeholders));
  api.use((req) => {
    throw new HttpProblem(
      404,
      'no-route',
      'Not found',
      `There is no ${req.method} ${req.originalUrl}; see /api/openapi.json.`,
    );
  });

  app.use('/api', api);
  app.use(problemHandler);
  return app;
}

/** A body must be JSON; anything else is 415 rather than silently ignored. */
const requireJsonBodies: express.RequestHandler = (req, _res, next) => {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (hasBody && !req.is(['application/json', 'application/*+json'])) {
    next(
      new HttpProblem(
        415,
        'unsupported-media-type',
        'The body must be JSON',
        `Send Content-Type: application/json (got ${req.headers['content-type'] ?? 'none'}).`,
      ),
    );
    return;
  }
  next();
};
