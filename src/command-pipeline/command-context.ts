import type { Actor } from '../event-store/event-store.port.ts';
import type { IdSource } from './id-source.ts';

/** Everything a command carries besides its body: who, when, which request, which ids. */
export interface CommandContext {
  actor: Actor;
  correlationId: string;
  /** The id of what caused the command: for HTTP, the request id. */
  causationId: string;
  now: Date;
  ids: IdSource;
  /** From If-Match: the revisions the client would act on (any one may match); absent without a precondition. */
  expectedRevisions?: readonly number[];
}
