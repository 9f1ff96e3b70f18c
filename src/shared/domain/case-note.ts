import { caseText, defineEvent } from '../../personal-data/event-definition.ts';
import type { CommandMetadata } from './decider.ts';
import { DomainRuleViolation } from './errors.ts';
import { isNonBlankText } from './storable-text.ts';

/** A case worker writes down something about a case, whatever its stage. */
export interface AddCaseNote {
  type: 'AddCaseNote';
  noteId: string;
  text: string;
  metadata: CommandMetadata;
}

/** What every context's note event holds beside its case id. The text is the case's subject's personal data. */
export interface CaseNote {
  noteId: string;
  subjectId: string;
  text: string;
  addedAt: string;
  /** Written after the case was closed (allowed: the timeline says so). */
  onClosedCase: boolean;
}

/** The note a command adds to a case whose personal data belongs to `subjectId`. */
export function caseNote(command: AddCaseNote, subjectId: string, closed: boolean): CaseNote {
  if (!isNonBlankText(command.text)) throw new DomainRuleViolation('note-text-required', 'A note needs some text');
  return { noteId: command.noteId, subjectId, text: command.text, addedAt: command.metadata.now.toISOString(), onClosedCase: closed };
}

/** Each context's note event: sealed like any free text on the case, under the case's own data subject. */
export const caseNoteEvent = <const Type extends string>(type: Type, caseIdPath: string) =>
  defineEvent({ type, schemaVersion: 1, personalData: [caseText(caseIdPath, ['text'])], plain: [caseIdPath, 'noteId', 'subjectId', 'addedAt'] });
