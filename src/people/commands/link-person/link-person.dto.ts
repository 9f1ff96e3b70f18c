import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

export class LinkReasonDto {
  @ApiProperty({ description: "Why: the details that show it is (or is not) the same person; the data subject's personal data", maxLength: 500, example: 'Same name, date of birth and phone number as the victim of the earlier referral' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class LinkSubjectDto extends LinkReasonDto {
  @ApiProperty({ description: "A case's data subject (the `subjectId` its page shows)", example: '6f1c1d2e-0000-4000-8000-000000000001' })
  @IsUUID()
  subjectId!: string;
}
