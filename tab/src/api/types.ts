/**
 * The API's response shapes, taken from the server's own presenters and schemas (type-only imports:
 * nothing from api/ is bundled), so the tab and the API cannot drift apart.
 */
import type { z } from 'zod';
import type {
  changeRequestJson,
  projectJson,
  raidJson,
  statusReportJson,
} from '../../../api/http/presenters';
import type { portfolioResponse } from '../../../api/http/schemas/portfolio';
import type { stakeholderResponse } from '../../../api/http/schemas/stakeholders';

export type { Rag, RagOrNone } from '../../../api/domain/rag';
export type { IsoWeek } from '../../../api/domain/iso-week';
import type { PmoRole } from '../../../api/domain/people';
export type { PersonRef, PmoRole } from '../../../api/domain/people';
export type { PortfolioSort } from '../../../api/domain/portfolio';
export type { ProjectPhase } from '../../../api/domain/project';
export type { StatusRequestState } from '../../../api/domain/status-request';
export type { ChangeRequestState } from '../../../api/domain/change-request';
export type { RaidKind } from '../../../api/domain/raid';

export type ProjectJson = ReturnType<typeof projectJson>;
export type StatusReportJson = ReturnType<typeof statusReportJson>;
export type RaidItemJson = ReturnType<typeof raidJson>;
export type ChangeRequestJson = ReturnType<typeof changeRequestJson>;
export type PortfolioResponse = z.infer<typeof portfolioResponse>;
export type StakeholderJson = z.infer<typeof stakeholderResponse>;

/** GET /api/me */
export interface Me {
  id: string;
  name: string;
  email: string;
  pmoRole: PmoRole | null;
  isPmoStaff: boolean;
  authMode: 'dev' | 'entra';
}

/** GET /api/people (the dev identity switcher lists them). */
export interface DirectoryPerson {
  id: string;
  name: string;
  email: string;
  department: string | null;
  pmoRole: PmoRole | null;
  awayUntil: string | null;
}
