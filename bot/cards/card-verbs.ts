import type { IsoWeek } from '../../api/domain/iso-week';

/**
 * Every Action.Execute verb a PMO Hub card carries, in one place: the invoke dispatcher registers a
 * handler for each, so a verb a card uses but nobody handles cannot slip in.
 */
export const CARD_VERBS = ['statusSubmit', 'statusEdit', 'statusOpen'] as const;
export type CardVerb = (typeof CARD_VERBS)[number];

export function isCardVerb(value: unknown): value is CardVerb {
  return typeof value === 'string' && (CARD_VERBS as readonly string[]).includes(value);
}

/**
 * The `data` of every Action.Execute: which project and week the card is about. Teams sends it back
 * merged with the card's input values (whose ids never collide with these keys). It says what the card
 * is about, never who may act: that is decided on the server from the caller's identity.
 */
export interface CardActionData {
  projectId: string;
  week: IsoWeek;
  /** The weekly status request the form answers (absent when the PM opened the form themselves). */
  requestId?: string;
  /** The report version being edited, for optimistic concurrency (absent for a first submission). */
  expectedVersion?: number;
}
