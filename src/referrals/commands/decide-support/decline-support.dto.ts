import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';

export class DeclineSupportDto {
  @ApiProperty({ description: 'An id from the configured decline reasons', example: 'wants-to-move-on' })
  @IsString()
  @IsNotEmpty()
  reason!: string;
}

/** Accepting support needs no details: send `{}`. */
export class AcceptSupportDto {}
