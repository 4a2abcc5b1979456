// `npm run demo [-- --program <name>] [-- options]`: builds the packages a demo runs on, then runs
// it. The programs: `kehila-metiva` (the default: examples/authority-run) and `grants`
// (examples/grants). Every other argument goes to the demo.
import { spawnSync } from 'node:child_process';

const demos = {
  'kehila-metiva': { workspace: '@maslul/example-authority-run', script: 'start' },
  grants: { workspace: '@maslul/example-grants', script: 'demo' },
};

const args = process.argv.slice(2);
const at = args.indexOf('--program');
const name = at < 0 ? 'kehila-metiva' : args[at + 1];
const demo = demos[name ?? ''];
if (!demo) {
  console.error(
    `--program "${name ?? ''}" is not a demo; give one of ${Object.keys(demos).join(', ')}.`,
  );
  process.exit(2);
}
const rest = at < 0 ? args : [...args.slice(0, at), ...args.slice(at + 2)];
const run = (command, commandArgs) =>
  spawnSync(command, commandArgs, { stdio: 'inherit', shell: process.platform === 'win32' });

console.log(
  'Building the packages the demo runs on: about a minute the first time, seconds after that.',
);
const built = run('npx', [
  'turbo',
  'run',
  'build',
  `--filter=${demo.workspace}^...`,
  '--output-logs=errors-only',
]);
if (built.status !== 0) process.exit(built.status ?? 1);
const ran = run('npm', ['run', demo.script, '--silent', '-w', demo.workspace, '--', ...rest]);
process.exit(ran.status ?? 1);
