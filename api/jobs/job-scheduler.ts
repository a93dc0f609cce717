import type { Logger } from 'pino';

/** Something the server does on its own, every minute: the weekly status cycle, the approvals sweep. */
export interface PeriodicJob {
  name: string;
  run(): Promise<unknown>;
}

/**
 * Runs the periodic jobs every minute, one after the other. A pass still running is never overlapped;
 * a job that fails is logged and tried again next pass (the jobs are idempotent, so nothing is sent
 * twice). Several servers may each run them: the stores' unique keys decide who acts.
 */
export class JobScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly jobs: readonly PeriodicJob[],
    private readonly logger: Logger,
    private readonly everyMs = 60_000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.everyMs);
    this.timer.unref();
    void this.tick();
  }

  /** One pass now, unless one is under way (then that one's promise). */
  tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      for (const job of this.jobs) {
        try {
          const result = await job.run();
          this.logger.debug({ job: job.name, result }, 'periodic job done');
        } catch (err) {
          this.logger.error({ err, job: job.name }, 'periodic job failed; the next pass will try again');
        }
      }
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
