import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { complaintReference, complaintStream } from '../../complaint-stream.ts';
import { complaintDecider } from '../../domain/complaint.decide.ts';
import { utc } from '../change-complaint/complaint-commands.ts';
import { LogComplaintCommand } from './log-complaint.command.ts';
import { complainantDemographics } from '../../../http/demographics.dto.ts';

@CommandHandler(LogComplaintCommand)
export class LogComplaintHandler implements ICommandHandler<LogComplaintCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly settings: SettingsService,
  ) {}

  async execute({ body, context }: LogComplaintCommand): Promise<CommandOutcome> {
    const complaintId = context.ids.caseId();
    const { complainant } = body;
    return this.pipeline.run({
      stream: complaintStream(complaintId),
      caseId: complaintId,
      decider: complaintDecider,
      newStream: true,
      context,
      command: {
        type: 'LogComplaint',
        complaintId,
        reference: complaintReference(complaintId),
        receivedAt: utc(body.receivedAt),
        channel: body.channel,
        complainant: {
          subjectId: context.ids.subjectId(0),
          name: complainant.name,
          email: complainant.email ?? null,
          phone: complainant.phone ?? null,
          address: complainant.address ?? null,
        },
        summary: body.summary,
        incidentDate: body.incidentDate ?? null,
        subjects: body.subjects.map((subject, index) => ({ subjectId: context.ids.subjectId(index + 1), kind: subject.kind, identifier: subject.identifier ?? null })),
        wantsRecording: body.wantsRecording ?? false,
        demographics: body.demographics ? complainantDemographics(body.demographics) : null,
        calendar: (await this.settings.current()).calendar,
        metadata: { now: context.now },
      },
    });
  }
}
