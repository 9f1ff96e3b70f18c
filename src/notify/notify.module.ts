import { Module } from '@nestjs/common';
import { MessageOutcomes } from './message-outcomes.ts';
import { NotifyMetrics } from './notify-metrics.ts';
import { NotifyDispatches } from './outbox/notify-dispatches.ts';
import { OutboxDispatcher } from './outbox/outbox-dispatcher.ts';
import { NotifyReceiptsController } from './receipts/notify-receipts.controller.ts';

/** Messages to victims through GOV.UK Notify: the outbox's sender and Notify's delivery receipts. */
@Module({
  controllers: [NotifyReceiptsController],
  providers: [NotifyDispatches, MessageOutcomes, NotifyMetrics, OutboxDispatcher],
  exports: [NotifyDispatches, OutboxDispatcher],
})
export class NotifyModule {}
