import type { ReportContent, ReportNames } from '../../../domain/report-content.js';

/** What the renderers need of a stored report (prisma/reports.ts StoredReport has it all). */
export interface RenderableReport {
  id: string;
  checksum: string;
  referenceVersion: number;
  generatedAt: string;
  content: ReportContent;
  names: ReportNames;
}
