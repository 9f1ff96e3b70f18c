import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** A note on any case (referral, complaint, resolution): free text, the case's subject's personal data. */
export class CaseNoteDto {
  @ApiProperty({ description: "What the case worker writes down; personal data of the case's subject, erased with them", maxLength: 5000, example: 'Called the victim back as agreed; she asked for letters only from now on.' })
  @IsString()
  @Matches(/\S/, { message: 'text must not be blank' })
  @MaxLength(5000)
  text!: string;
}

/** What a note's route answers: the command's result and the new note's id. */
export const NOTE_ADDED_DESCRIPTION = "The note was added to the case's timeline (allowed on a closed case: its summary says so); `noteId` names it";
