import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class SearchPeopleDto {
  @ApiProperty({ description: 'A full name (any order, accents and case ignored), a date of birth (YYYY-MM-DD), a phone number or an email address', example: 'Ann Example', minLength: 2, maxLength: 200 })
  @IsString()
  @Length(2, 200)
  q!: string;
}
