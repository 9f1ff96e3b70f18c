import { declaredDemographics } from '../../../http/demographics.dto.ts';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { referralDecider } from '../../domain/referral.decide.ts';
import { referralStream } from '../../referral-stream.ts';
import { ReceiveReferralCommand } from './receive-referral.command.ts';

@CommandHandler(ReceiveReferralCommand)
export class ReceiveReferralHandler implements ICommandHandler<ReceiveReferralCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly settings: SettingsService,
  ) {}

  async execute({ body, context }: ReceiveReferralCommand): Promise<CommandOutcome> {
    const settings = await this.settings.current();
    const crimeType = settings.crimeType(body.crimeType)!;
    const referralId = context.ids.caseId();
    return this.pipeline.run({
      stream: referralStream(referralId),
      caseId: referralId,
      decider: referralDecider,
      newStream: true,
      context,
      command: {
        type: 'ReceiveReferral',
        referralId,
        source: body.source,
        crimeReference: body.crimeReference ?? null,
        crimeType,
        offenceDate: body.offenceDate ?? null,
        crimeReportedOn: body.crimeReportedOn ?? null,
        receivedAt: body.receivedAt ? new Date(body.receivedAt).toISOString() : undefined,
        victim: {
          subjectId: context.ids.subjectId(0),
          name: body.victim.name,
          dateOfBirth: body.victim.dateOfBirth ?? null,
          phone: body.victim.phone ?? null,
          email: body.victim.email ?? null,
          address: body.victim.address ?? null,
        },
        consent: { ...body.consent },
        demographics: body.demographics ? declaredDemographics(body.demographics) : null,
        metadata: { now: context.now },
      },
    });
  }
}
