// Sums every suite CI ran into one closing line, `N passed, N failed[, N skipped]`, from the
// runners' own reports: Vitest's JSON reporter, Schemathesis's JUnit XML, and the exit code of
// each stage (a stage that failed without a failing test in its report counts as one failure,
// a check without a report, such as the type check, as one test). Exits 1 if anything failed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.ci-results';
const stages = existsSync(join(dir, 'stages'))
  ? readFileSync(join(dir, 'stages'), 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(' '))
  : [];

/** What a report file says: passed, failed, skipped; null when there is no report. */
function vitest() {
  const f = join(dir, 'vitest.json');
  if (!existsSync(f)) return null;
  const r = JSON.parse(readFileSync(f, 'utf8'));
  // a file that failed to load has no tests, only a failed suite
  const brokenFiles = (r.testResults ?? []).filter((t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0).length;
  return { passed: r.numPassedTests, failed: r.numFailedTests + brokenFiles, skipped: r.numPendingTests + r.numTodoTests };
}

function junit(prefix) {
  const files = readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.xml'));
  if (files.length === 0) return null;
  const sum = { passed: 0, failed: 0, skipped: 0 };
  for (const f of files) {
    const xml = readFileSync(join(dir, f), 'utf8');
    for (const m of xml.matchAll(/<testcase\b[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)) {
      const body = m[2] ?? '';
      if (/<(failure|error)\b/.test(body)) sum.failed++;
      else if (/<skipped\b/.test(body)) sum.skipped++;
      else sum.passed++;
    }
  }
  return sum;
}

const REPORTS = { tests: vitest, fuzz: () => junit('schemathesis-') };
const total = { passed: 0, failed: 0, skipped: 0 };
for (const [name, rc] of stages) {
  const r = REPORTS[name]?.() ?? null;
  const failedStage = rc !== '0';
  if (r) {
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
    if (failedStage && r.failed === 0) total.failed += 1;
  } else if (failedStage) total.failed += 1;
  else total.passed += 1;
  console.log(`ci: ${name}: exit ${rc}${r ? ` (${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''})` : ''}`);
}
if (stages.length === 0) total.failed += 1;
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
