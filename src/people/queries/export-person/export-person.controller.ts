import { Controller, Get, Headers, NotFoundException, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessLogged } from '../../../audit/access-log/access-logged.decorator.ts';
import { Roles } from '../../../auth/roles.ts';
import { PeopleIndex } from '../../people-index.ts';
import { ExportPersonDto } from './export-person.dto.ts';
import { personExportHtml } from './person-export.html.ts';
import { PersonExporter, type PersonExport } from './person-export.ts';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/people')
export class ExportPersonController {
  constructor(
    private readonly people: PeopleIndex,
    private readonly exporter: PersonExporter,
  ) {}

  @Get(':personId/export')
  @AccessLogged()
  @Roles('admin')
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({
    description: "A subject access request: everything held about the person in every case they appear in, decrypted, with each record's date and who made it; other people's details withheld. The cases read are in the access log",
    schema: {
      example: {
        personId: '9d2f0c4b-0000-4000-8000-000000000002',
        exportedAt: '2026-03-02T10:00:00.000Z',
        cases: [{ caseId: '0b7c6a1e-0000-4000-8000-000000000001', caseKind: 'referral', role: 'victim', subjectId: '6f1c1d2e-0000-4000-8000-000000000001', events: [{ type: 'ReferralReceived', recordedAt: '2026-03-02T09:15:00.000Z', recordedBy: 'cm-01', data: { victim: { name: 'Ann Example' } } }] }],
        links: [],
        dataDecisions: [],
      },
    },
  })
  async export(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Query() { format }: ExportPersonDto,
    @Headers('accept') accept: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PersonExport | string> {
    const appearances = await this.people.ofPeople([personId]);
    if (appearances.length === 0) throw new NotFoundException('No such person');
    request.casesRead = appearances.map((appearance) => appearance.caseId);
    const exported = await this.exporter.export(personId, appearances, new Date());
    if ((format ?? (accept?.includes('text/html') ? 'html' : 'json')) === 'json') return exported;
    void reply.header('content-type', 'text/html; charset=utf-8');
    return personExportHtml(exported);
  }
}
