import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';

const FIRST_CEILING_MS = 25;
const LAST_CEILING_MS = 1000;

/**
 * The wait before a command re-reads a case another process wrote to first: a random time up to a ceiling
 * that doubles with each attempt ("full jitter"), so writers in several processes that collided once do not
 * collide again in lockstep.
 */
export function contentionDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LAST_CEILING_MS, FIRST_CEILING_MS * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

@Injectable()
export class ContentionBackoff {
  /** Waits before the next attempt after `attempt` attempts lost to other writers. */
  async wait(attempt: number): Promise<void> {
    await sleep(contentionDelayMs(attempt));
  }
}
