import { emptyModel, toScenario, findStalls, agreementOf } from './src/traces/index';
function model(n: number) {
  const m = emptyModel('event-loop-lab');
  let t = 0;
  for (let i = 0; i < n; i++) {
    m.selects.push({ atMs: t, ms: 0.5, timeoutMs: 1 }); t += 0.6;
    m.slices.push({ kind: 'callback', name: '_SelectorSocketTransport._read_ready', atMs: t, ms: 0.05 });
    m.tasks.push({ id: i + 1, name: `Task-${i + 1}`, createdMs: t + 0.02 }); t += 0.1;
    m.slices.push({ kind: 'task-step', name: 'h', taskId: i + 1, atMs: t, ms: i % 10 === 0 ? 60 : 0.2 }); t += i % 10 === 0 ? 60 : 0.2;
    m.slices.push({ kind: 'callback', name: '_set_result_unless_cancelled', atMs: t + 5, ms: 0.01, lateMs: 0.1, wakesTaskId: i + 1 });
    m.slices.push({ kind: 'task-step', name: 'h', taskId: i + 1, atMs: t + 5.1, ms: 0.1 });
    m.requests.push({ id: String(i + 1), path: '/x', arriveMs: t - 0.2, endMs: t + 5.2, taskId: i + 1 });
    t += 0.3;
  }
  m.slices.sort((a, b) => a.atMs - b.atMs);
  return m;
}
for (const n of [1000, 4000]) {
  const m = model(n);
  let t0 = performance.now(); const doc = toScenario(m); const a = performance.now() - t0;
  t0 = performance.now(); findStalls(m); const b = performance.now() - t0;
  t0 = performance.now(); agreementOf(m, doc.requests.map((r) => ({ id: r.id, endMs: 0 }))); const c = performance.now() - t0;
  console.log(n, 'toScenario', a.toFixed(0), 'findStalls', b.toFixed(0), 'agreementOf', c.toFixed(0));
}
const m8 = model(16000);
let t0 = performance.now(); toScenario(m8); console.log('16000 toScenario', (performance.now() - t0).toFixed(0));
t0 = performance.now(); findStalls(m8); console.log('16000 findStalls', (performance.now() - t0).toFixed(0));
