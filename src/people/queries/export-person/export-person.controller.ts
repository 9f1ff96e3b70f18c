import { Controller, Get, Headers, NotFoundException, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { personLinksProjection } from '../../../../projections/people/person-links.projection.ts';
import { subjectIndexProjection } from '../../../../projections/people/subject-index.projection.ts';
import { ProjectionsService } from '../../../../projections/runner/projections.service.ts';
import { AccessLogged } from '../../../audit/access-log/access-logged.decorator.ts';
import { Roles } from '../../../auth/roles.ts';
import { NeedToKnow } from '../../../case-access/need-to-know.ts';
import { awaitReadModels, MinPosition } from '../../../http/min-position.ts';
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
    private readonly needToKnow: NeedToKnow,
    private readonly projections: ProjectionsService,
  ) {}

  @Get(':personId/export')
  @AccessLogged()
  // Auditors see every case, restricted ones too: they can complete a request an administrator could only part-answer.
  @Roles('admin', 'auditor')
  @ApiProduces('application/json', 'text/html')
  @ApiHeader({ name: 'X-Min-Position', required: false, description: 'Wait until the person\'s cases include the write that returned this position; 202 + Retry-After if they do not in time' })
  @ApiOkResponse({
    description:
      "A subject access request: everything held about the person in every case they appear in that the caller may see, decrypted, with each record's date and who made it; other people's details withheld. " +
      '`restrictedCasesWithheld` counts the restricted cases the caller is not named on, left out: an auditor or someone named on them completes that part. ' +
      'A person all of whose cases are withheld is a 404, as an unknown one is. The cases read are in the access log',
    schema: {
      example: {
        personId: '9d2f0c4b-0000-4000-8000-000000000002',
        exportedAt: '2026-03-02T10:00:00.000Z',
        cases: [{ caseId: '0b7c6a1e-0000-4000-8000-000000000001', caseKind: 'referral', role: 'victim', subjectId: '6f1c1d2e-0000-4000-8000-000000000001', events: [{ type: 'ReferralReceived', recordedAt: '2026-03-02T09:15:00.000Z', recordedBy: 'cm-01', data: { victim: { name: 'Ann Example' } } }] }],
        links: [],
        dataDecisions: [],
        restrictedCasesWithheld: 0,
      },
    },
  })
  async export(
    @Param('personId', new ParseUUIDPipe()) personId: string,
    @Query() { format }: ExportPersonDto,
    @Headers('accept') accept: string | undefined,
    @MinPosition() minPosition: bigint | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PersonExport | string> {
    await awaitReadModels(this.projections, [subjectIndexProjection.name, personLinksProjection.name], minPosition);
    const appearances = await this.people.ofPeople([personId]);
    const caseIds = [...new Set(appearances.map((appearance) => appearance.caseId))];
    // As the case's own page would be: the restriction as its stream says now, not as a list's read model has it yet.
    const visible = await this.needToKnow.workableFor(request, caseIds);
    // Someone whose every case is withheld is not revealed to exist.
    if (visible.length === 0) throw new NotFoundException('No such person');
    request.casesRead = visible;
    const shown = appearances.filter((appearance) => visible.includes(appearance.caseId));
    const exported = await this.exporter.export(personId, shown, caseIds.length - visible.length, new Date());
    if ((format ?? (accept?.includes('text/html') ? 'html' : 'json')) === 'json') return exported;
    void reply.header('content-type', 'text/html; charset=utf-8');
    return personExportHtml(exported);
  }
}
