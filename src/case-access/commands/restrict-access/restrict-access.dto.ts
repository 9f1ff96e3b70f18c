import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RESTRICTION_REASONS, type RestrictionReason } from '../../domain/restricted-access.events.ts';
import { NamedPeopleDto } from '../named-people.dto.ts';

export class RestrictAccessDto extends NamedPeopleDto {
  @ApiProperty({ description: 'Why only named people may work on the case', enum: RESTRICTION_REASONS, example: 'staff-member-involved' })
  @IsIn(RESTRICTION_REASONS)
  reason!: RestrictionReason;
}
