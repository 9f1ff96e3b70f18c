import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { TEAM_ID } from '../../auth/token-claims.ts';

/** Who may work on a restricted case, besides the supervisor who names them and auditors. */
export class NamedPeopleDto {
  @ApiProperty({ description: 'User ids (the `sub` of their tokens) of known users', type: [String], example: ['cm-07'], maxItems: 50 })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  users!: string[];

  @ApiProperty({ description: 'Team ids, as the `teams` claim of tokens names them: every member may work on the case', type: [String], example: ['psd'], maxItems: 20 })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(TEAM_ID, { each: true, message: 'each of teams must be a team id (letters, digits, ., _ or -, at most 100)' })
  teams!: string[];
}
