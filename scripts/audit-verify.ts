// `npm run audit:verify`: checks every case's event hash chain; exit 1 names the first broken link of each case.
import { loadConfig } from '../platform/config.js';
import { createDb } from '../prisma/client.js';
import { verifyAuditChains } from '../prisma/case-events/verify.js';
import { operatorDatabaseUrl } from './lib/embedded-postgres.js';

const url = operatorDatabaseUrl(loadConfig(), 'audit:verify');
const db = createDb(url, { max: 2 });
let code = 0;
try {
  const report = await verifyAuditChains(db, {
    onProgress: (n) => process.stderr.isTTY && process.stderr.write(`\rchecked ${n} events…`),
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (report.broken.length === 0) {
    console.log(`audit:verify: OK — ${report.events} events in ${report.cases} cases, every chain intact`);
  } else {
    for (const b of report.broken) console.log(`BROKEN case ${b.caseNumber ?? b.caseId} (${b.caseId}) at event #${b.seq}: ${b.problem}`);
    console.log(`audit:verify: FAILED — ${report.broken.length} of ${report.cases} cases broken`);
    code = 1;
  }
} finally {
  await db.$disconnect();
}
// explicit: embedded-postgres's exit hook (async-exit-hook) ends the process with 0 on beforeExit
process.exit(code);
