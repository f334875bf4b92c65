import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { parseScenario, simulate } from './simulations/index';
import { agreementOf, importTrace, toScenario } from './src/traces/index';
let bad = 0;
for (let k = 0; k < 30; k++) {
  const tmp = mkdtempSync('/tmp/svc/K-');
  const run = spawnSync('/usr/bin/python3', ['test/recorder/record_service.py', tmp], { encoding: 'utf8' });
  const m = (importTrace(readFileSync(JSON.parse(run.stdout).trace, 'utf8')) as any).model;
  const res = simulate((parseScenario(JSON.stringify(toScenario(m))) as any).scenario);
  const ag = agreementOf(m, res.requests);
  const ok = ag.every((a) => Math.abs(a.simulatedEndMs! - a.recordedEndMs) <= a.unmodelledMs + 20);
  if (!ok) bad++;
  console.log(tmp, ok ? 'ok' : 'FAIL', ag.map((a) => Math.round(a.simulatedEndMs! - a.recordedEndMs)).join(' '));
}
console.log('bad', bad);
