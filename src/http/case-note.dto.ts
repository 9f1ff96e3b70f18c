import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';
import type { CommandContext } from '../command-pipeline/command-context.ts';
import type { AddCaseNote } from '../shared/domain/case-note.ts';
import type { CommandResponse } from './command-response.ts';

/** A note on any case (referral, complaint, resolution): free text, the case's subject's personal data. */
export class CaseNoteDto {
  @ApiProperty({ description: "What the case worker writes down; personal data of the case's subject, erased with them", maxLength: 5000, example: 'Called the victim back as agreed; she asked for letters only from now on.' })
  @IsString()
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(5000)
  text!: string;
}

/** What a note's route answers. */
export const NOTE_ADDED_DESCRIPTION = "The note was added to the case's timeline (allowed on a closed case: its summary says so); `noteId` names it";

/** Every context's note route: the command under a new note id, run on the case; the answer names the note. */
export async function addCaseNote(body: CaseNoteDto, context: CommandContext, run: (command: AddCaseNote) => Promise<CommandResponse>): Promise<CommandResponse & { noteId: string }> {
  const noteId = context.ids.partId();
  return { ...(await run({ type: 'AddCaseNote', noteId, text: body.text, metadata: { now: context.now } })), noteId };
}
