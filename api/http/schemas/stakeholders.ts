import { z } from 'zod';
import { LIMITS } from '../../domain/limits';
import { STAKEHOLDER_CHANNELS, STAKEHOLDER_FREQUENCIES, STAKEHOLDER_ROLES } from '../../domain/stakeholder';
import { personRef, requiredText, version } from './common';

/**
 * The stakeholder register's bodies. The shape is checked here; which of person, address and channel
 * fits the channel, the address's form and duplicates are the domain's rules (checkStakeholder), so the
 * bot and the API refuse the same entries with the same words.
 */
const role = z.enum(STAKEHOLDER_ROLES, 'Must be sponsor, steering, team, customer or other.');
const channel = z.enum(STAKEHOLDER_CHANNELS, 'Must be email, teamsChat or teamsChannel.');
const frequency = z.enum(STAKEHOLDER_FREQUENCIES, 'Must be weekly, fortnightly, monthly or milestones.');
// Not trimmed: an address with a hidden line break or space is refused, never quietly repaired.
const address = z.string('Must be an email address.').max(1000, 'At most 254 characters.');
const channelId = z.string('Must be a Teams channel id.').trim().max(1000, 'At most 255 characters.');

const target = {
  person: personRef.nullable().optional(),
  address: address.nullable().optional(),
  channelId: channelId.nullable().optional(),
};

export const stakeholderScope = z
  .strictObject({
    kind: z.enum(['project', 'program'], 'Must be project or program.'),
    id: requiredText(LIMITS.shortText).meta({ description: 'The project id, or the program name.' }),
  })
  .meta({ id: 'StakeholderScope' });

export const createStakeholderBody = z
  .strictObject({
    scope: stakeholderScope,
    ...target,
    role,
    channel,
    frequency: frequency.optional().meta({ description: 'Default weekly.' }),
  })
  .meta({
    id: 'CreateStakeholder',
    description:
      'Exactly one of person, address and channelId, fitting the channel: email needs a person (with an email) or an address; teamsChat a person; teamsChannel a channelId.',
  });

export const updateStakeholderBody = z
  .strictObject({
    ...target,
    role: role.optional(),
    channel: channel.optional(),
    frequency: frequency.optional(),
  })
  .extend({ version })
  .meta({
    id: 'UpdateStakeholder',
    description: 'The fields to change and the version read. Clear a target with null when giving another.',
  });

export const listStakeholdersQuery = z.strictObject({
  project: z
    .string()
    .min(1, 'Must be a project id.')
    .optional()
    .meta({ description: "A project's register." }),
  program: z
    .string()
    .min(1, 'Must be a program name.')
    .optional()
    .meta({ description: "A program's register (with project too: both registers)." }),
});

export const deleteStakeholderQuery = z.strictObject({
  version: z.coerce
    .number('Must be the version you read (a whole number).')
    .int('Must be the version you read (a whole number).')
    .min(1, 'Must be the version you read (a whole number).'),
});

export const stakeholderResponse = z
  .object({
    id: z.string(),
    scope: stakeholderScope,
    person: personRef.nullable(),
    address: z.string().nullable(),
    channelId: z.string().nullable(),
    role,
    channel,
    frequency,
    version: z.number(),
  })
  .meta({ id: 'Stakeholder' });

export const stakeholdersResponse = z
  .object({ items: z.array(stakeholderResponse) })
  .meta({ id: 'Stakeholders', description: 'Programs first, then by project; within one register by id.' });
