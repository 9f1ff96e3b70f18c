import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../config/config.schema.ts';
import { IntegrityCheckpoints } from '../../event-store/integrity/integrity-checkpoints.ts';

/** Takes a signed checkpoint of the event log every INTEGRITY_CHECKPOINT_INTERVAL_MS; several instances take turns. */
@Injectable()
export class CheckpointScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Integrity');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly checkpoints: IntegrityCheckpoints,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.get('INTEGRITY_CHECKPOINT_INTERVAL_MS', { infer: true });
    if (interval === 0) return;
    this.timer = setInterval(() => {
      this.running = this.checkpoints.take().catch((error: unknown) => this.logger.error(`Integrity checkpoint failed: ${error instanceof Error ? error.name : 'error'}`));
    }, interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
