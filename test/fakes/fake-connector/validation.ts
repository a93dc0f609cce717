/**
 * What Teams checks in an activity a bot sends: a type; a message with text or attachments; Adaptive Cards
 * of schema 1.5 or earlier; a size limit counted in UTF-16.
 */

import { ConnectorHttpError, ErrorCodes, badArgument } from './errors';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** The newest Adaptive Card schema Teams renders. */
export const MAX_ADAPTIVE_CARD_VERSION = { major: 1, minor: 5 };

export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Teams counts message size in UTF-16: two bytes per code unit of the activity's JSON. */
export const activityBytes = (activity: JsonObject): number => JSON.stringify(activity).length * 2;

function checkAdaptiveCard(content: unknown, where: string): void {
  const max = `${MAX_ADAPTIVE_CARD_VERSION.major}.${MAX_ADAPTIVE_CARD_VERSION.minor}`;
  if (!isJsonObject(content)) {
    throw badArgument(`${where}.content must be the Adaptive Card as a JSON object (not a string).`);
  }
  if (content.type !== 'AdaptiveCard') {
    throw badArgument(`${where}.content.type must be 'AdaptiveCard'; got ${JSON.stringify(content.type)}.`);
  }
  const version = content.version;
  const match = typeof version === 'string' ? /^(\d+)\.(\d+)$/.exec(version) : null;
  if (!match) {
    throw badArgument(
      `${where}.content.version must be a schema version such as "${max}"; got ${JSON.stringify(version)}.`,
    );
  }
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (
    major > MAX_ADAPTIVE_CARD_VERSION.major ||
    (major === MAX_ADAPTIVE_CARD_VERSION.major && minor > MAX_ADAPTIVE_CARD_VERSION.minor)
  ) {
    throw badArgument(
      `${where}: Adaptive Card version ${String(version)} is not supported; Teams renders schema ${max} or earlier. Set "version": "${max}" and use only ${max} features.`,
    );
  }
}

function checkAttachments(attachments: unknown, where: string): number {
  if (attachments === undefined || attachments === null) return 0;
  if (!Array.isArray(attachments)) throw badArgument(`${where}.attachments must be an array.`);
  attachments.forEach((attachment: unknown, i) => {
    const at = `${where}.attachments[${i}]`;
    if (!isJsonObject(attachment)) throw badArgument(`${at} must be an object.`);
    if (typeof attachment.contentType !== 'string' || attachment.contentType === '') {
      throw badArgument(`${at}.contentType is required (e.g. '${ADAPTIVE_CARD_CONTENT_TYPE}').`);
    }
    if (attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE) checkAdaptiveCard(attachment.content, at);
  });
  return attachments.length;
}

/**
 * The activity as a JSON object, or a 400 BadArgument / 413 MessageSizeTooBig saying what to fix.
 * `where` names it in messages ('activity', 'parameters.activity').
 */
export function validateActivity(body: unknown, maxMessageBytes: number, where = 'activity'): JsonObject {
  if (!isJsonObject(body)) throw badArgument(`The ${where} must be a JSON object.`);
  if (typeof body.type !== 'string' || body.type === '') {
    throw badArgument(`The ${where} has no type: set "type" (e.g. "message").`);
  }
  const bytes = activityBytes(body);
  if (bytes > maxMessageBytes) {
    throw new ConnectorHttpError(
      413,
      ErrorCodes.messageSizeTooBig,
      `Message size too large: the ${where} is ${bytes} bytes counted as UTF-16, over the ${maxMessageBytes}-byte limit. Send less text or a smaller card.`,
    );
  }
  if (body.text !== undefined && body.text !== null && typeof body.text !== 'string') {
    throw badArgument(`${where}.text must be a string.`);
  }
  const attachmentCount = checkAttachments(body.attachments, where);
  if (
    body.type === 'message' &&
    !(typeof body.text === 'string' && body.text !== '') &&
    attachmentCount === 0
  ) {
    throw badArgument(`The ${where} is a message with neither text nor attachments: Teams cannot show it.`);
  }
  return body;
}
