import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

export class CorrectionReasonDto {
  @ApiProperty({ description: "Why the record was wrong: the personal data of the person it is about", maxLength: 1000, example: 'Gave a new mobile number on the phone' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

/** A person's name put right, if given; a detail left out stays as it is. */
export class NameCorrectionDto extends CorrectionReasonDto {
  @ApiPropertyOptional({ maxLength: 200, example: 'Ann Example-Smith' })
  @ValidateIf((body: NameCorrectionDto) => body.name !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;
}

/** A person's name and contact details put right: each detail given replaces the recorded one (null clears it). */
export class ContactDetailsCorrectionDto extends NameCorrectionDto {
  @ApiPropertyOptional({ maxLength: 40, example: '07700 900999', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ example: 'ann.smith@example.org', nullable: true })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ maxLength: 500, example: '2 New Road, Hertford', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;
}
