import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { CommandContext } from '../command-pipeline/command-context.ts';
import type { GiveStatusLink } from '../shared/domain/status-link.ts';
import { STATUS_LINK_MAX_DAYS } from '../shared/domain/status-link.ts';
import type { StatusCaseKind, StatusLinkTokens } from '../status-page/status-link-token.ts';
import type { CommandResponse } from './command-response.ts';

/** A link for the case's victim or complainant: how long it works, and who the page says they deal with. */
export class StatusLinkDto {
  @ApiProperty({ description: 'Days the link works from now', minimum: 1, maximum: STATUS_LINK_MAX_DAYS, example: 28 })
  @IsInt()
  @Min(1)
  @Max(STATUS_LINK_MAX_DAYS)
  validForDays!: number;

  @ApiProperty({ description: "The case worker's first name as the page shows it (staff, not the person's data)", maxLength: 50, example: 'Priya' })
  @IsString()
  @Matches(/\S/, { message: 'contactFirstName must not be blank' })
  @MaxLength(50)
  contactFirstName!: string;

  @ApiProperty({ description: 'The team the page names', maxLength: 100, example: 'Beacon victim care, north' })
  @IsString()
  @Matches(/\S/, { message: 'team must not be blank' })
  @MaxLength(100)
  team!: string;
}

export const STATUS_LINK_GIVEN_DESCRIPTION =
  'The link is given (replacing any earlier one, which stops working): `url` is the page to pass on to the person, shown only in this answer; `linkId` names it on the case';
export const STATUS_LINK_REVOKED_DESCRIPTION = 'The link stops working at once; 409 `no-status-link` when none is given';
export const STATUS_LINK_EXAMPLE = { id: '0b9d2f4e-1c1a-4d55-9a3e-6f2b8c7d9e10', revision: 7, linkId: 'a3c1f2d4-5b6e-4f70-8a91-b2c3d4e5f607', expiresAt: '2027-01-01T10:00:00.000Z', url: '/status/JeLSIzs9vGw9RXOPRwr1AoCLKVeqQQmeZ00dxQ7xLg7I30AKIw.pe4MDjns3YO9HBZPYoDTGA' };

export type StatusLinkGivenResponse = CommandResponse & { linkId: string; expiresAt: string; url: string };

/** Every context's link route: the command under a new link id, run on the case; the answer carries the signed link. */
export async function giveStatusLink(
  kind: StatusCaseKind,
  caseId: string,
  body: StatusLinkDto,
  context: CommandContext,
  tokens: StatusLinkTokens,
  run: (command: GiveStatusLink) => Promise<CommandResponse>,
): Promise<StatusLinkGivenResponse> {
  const linkId = context.ids.partId();
  const expiresAt = new Date(Math.floor(context.now.getTime() / 1000) * 1000 + body.validForDays * 24 * 60 * 60 * 1000);
  const response = await run({ type: 'GiveStatusLink', linkId, expiresAt: expiresAt.toISOString(), contactFirstName: body.contactFirstName.trim(), team: body.team.trim(), metadata: { now: context.now } });
  return { ...response, linkId, expiresAt: expiresAt.toISOString(), url: `/status/${tokens.sign({ kind, caseId, linkId, expiresAt })}` };
}
