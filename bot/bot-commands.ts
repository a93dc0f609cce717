/**
 * The commands the bot understands, in one place: the help and welcome cards list them, and the app
 * manifest's command list reuses them. Titles stay within 32 characters and descriptions within 128,
 * the limits older Teams clients still apply.
 */
export const BOT_COMMANDS = [
  {
    command: 'help',
    title: 'help',
    description: 'What PMO Hub does and the commands it knows.',
  },
  {
    command: 'status',
    title: 'status',
    description: "Report this week's status for your project; with several projects, pick one.",
  },
  {
    command: 'my projects',
    title: 'my projects',
    description: "Your projects, their last health (RAG) and whether this week's status is in.",
  },
  {
    command: 'away',
    title: 'away until <date>',
    description: 'No status requests or reminders until after that date, e.g. away until 2026-12-31.',
  },
  {
    command: 'back',
    title: 'back',
    description: 'Back early: weekly status requests start again.',
  },
  {
    command: 'change request',
    title: 'change request',
    description: "Ask your project's sponsors to approve a change to budget, schedule or scope.",
  },
  {
    command: 'pending',
    title: 'pending',
    description: 'The change requests waiting for your decision.',
  },
] as const;

export type BotCommand = (typeof BOT_COMMANDS)[number]['command'];
