// The worker's workflowsPath entry: every workflow function is exported here.
export { caseWorkflow } from './case.js';
export { reportWorkflow, scheduledReportWorkflow } from './report.js';
export { calendarCorrectionWorkflow } from './calendar-correction.js';
