import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { parseScenario, simulate } from './simulations/index';
import { agreementOf, importTrace, toScenario } from './src/traces/index';
const dirs = readdirSync('/tmp/svc').map((d) => '/tmp/svc/' + d).filter((d) => existsSync(d + '/service-trace.json') && readFileSync(d + '/service-trace.json', 'utf8').includes('wakesTaskId'));
let bad = 0;
for (const d of dirs) {
  const imp = importTrace(readFileSync(d + '/service-trace.json', 'utf8'));
  if (!imp.ok) continue;
  const m = imp.model; const doc = toScenario(m);
  const res = simulate((parseScenario(JSON.stringify(doc)) as any).scenario);
  const ag = agreementOf(m, res.requests);
  const ok = ag.every((a) => Math.abs(a.simulatedEndMs! - a.recordedEndMs) <= a.unmodelledMs + 20);
  if (!ok) { bad++; console.log(d, ag.map((a) => Math.round(a.simulatedEndMs! - a.recordedEndMs)).join(' ')); }
}
console.log('bad', bad, 'of', dirs.length);
