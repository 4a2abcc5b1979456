import { ID, runGrants } from './run.js';

// `npm run demo -w @maslul/example-grants`: a municipal community-grants call on a simulated
// clock, through the HTTP API on PGlite, with the timer worker closing, expiring and escalating.
const run = await runGrants();
console.log('Community grants 2027: the call, day by day (09:00 Jerusalem time)\n');
for (const line of run.lines) console.log(line);
const response = await run.api.fetch(
  new Request(`http://grants.local/instances/${ID}`, { headers: { 'x-actor': 'rina' } }),
);
const instance = (await response.json()) as { current: unknown };
console.log(`\nWhere the call stands now: ${JSON.stringify(instance.current)}`);
await run.close();
