import { ReportPeriodDto } from '../../../http/report-period.ts';

/** Either end of the period left out is that of the current quarter. */
export class BeaconReportDto extends ReportPeriodDto {}
