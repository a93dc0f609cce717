import type { Logger } from 'pino';
import type { StatusCycleService } from '../services/status-cycle-service';

/**
 * Runs the weekly status cycle every minute. A pass that is still running is never overlapped; a pass
 * that fails is logged and the next one tries again (the cycle is idempotent, so nothing is sent twice).
 * Several servers may each run one: the store's unique (project, week) key decides who sends.
 */
export class StatusScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly cycle: StatusCycleService,
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
    this.running = this.cycle
      .run()
      .then((summary) => {
        if (summary.sent || summary.reminded || summary.escalated || summary.undeliverable) {
          this.logger.info({ summary }, 'status cycle');
        }
      })
      .catch((err: unknown) =>
        this.logger.error({ err }, 'status cycle failed; the next pass will try again'),
      )
      .finally(() => {
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
