import { LRUCache } from 'lru-cache';
import type { ChangeFeed } from '../database/change-feed.ts';
import { SUBJECT_KEY_CHANGED } from '../personal-data/subject-keys.ts';

/** Cases whose folded state a process keeps between commands. */
const CASE_STATES = 2_000;

/** A case as its history folds, up to a revision. */
export interface FoldedCase<State> {
  state: State;
  /** Its last event's revision and position; undefined before its first. */
  revision: number | undefined;
  position: bigint | undefined;
  /** The data subjects whose values the state was folded from: their erasure or restriction drops it. */
  subjects: readonly string[];
}

/** Taken before a read or a decision: what it folds is kept only if no subject's key changed meanwhile. */
export type CaseStateTicket = number;

/**
 * Cases' folded states by stream, so a command need not read its case again (issue 23). The append's
 * expected revision tells whether a state is still the case's: a command decides on it, and one that loses
 * to a write from elsewhere drops it and reads. Its values may hold personal data as read when folded, so it
 * serves only while the change feed is live and drops a state as soon as a subject of it is erased or its
 * processing restricted or freed (the feed's `subject` topic), or everything when the feed may have missed one.
 */
export class CaseStates {
  private readonly entries = new LRUCache<string, FoldedCase<unknown>>({ max: CASE_STATES });
  private epoch = 0;

  constructor(private readonly feed: Pick<ChangeFeed, 'live' | 'onChange'> | undefined) {
    feed?.onChange((topic, key) => {
      if (topic === undefined) this.changed(() => this.entries.clear());
      else if (topic === SUBJECT_KEY_CHANGED && key !== undefined) this.changed(() => this.forgetSubject(key));
    });
  }

  ticket(): CaseStateTicket {
    return this.epoch;
  }

  get<State>(stream: string): FoldedCase<State> | undefined {
    return this.feed?.live ? (this.entries.get(stream) as FoldedCase<State> | undefined) : undefined;
  }

  set<State>(ticket: CaseStateTicket, stream: string, folded: FoldedCase<State>): void {
    if (this.feed?.live && ticket === this.epoch && folded.revision !== undefined) this.entries.set(stream, folded);
  }

  forget(stream: string): void {
    this.entries.delete(stream);
  }

  private changed(forget: () => void): void {
    this.epoch++;
    forget();
  }

  private forgetSubject(subjectId: string): void {
    for (const [stream, folded] of this.entries.entries()) if (folded.subjects.includes(subjectId)) this.entries.delete(stream);
  }
}
