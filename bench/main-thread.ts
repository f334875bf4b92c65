// The page's main-thread tasks from a Chrome trace, by CPU time and by wall time. CPU time is
// what the page itself costs; wall time adds what the machine's other load takes from it.
import type { BrowserContext, Page } from 'playwright-core';

interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	dur?: number;
	tdur?: number;
	args?: { name?: string };
}

/** Each main-thread task's CPU and wall time (ms) while `during` runs. */
export async function mainThreadTasks(
	context: BrowserContext,
	page: Page,
	during: () => Promise<void>
): Promise<{ cpu: number[]; wall: number[] }> {
	const cdp = await context.newCDPSession(page);
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
	const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
	await cdp.send('Tracing.start', {
		categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline',
		transferMode: 'ReportEvents'
	});
	await during();
	await cdp.send('Tracing.end');
	await complete;
	await cdp.detach();
	// The page's renderer main thread is the one with the most tasks (other renderers idle).
	const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
	const tasksOf = (m: TraceEvent) =>
		events.filter(
			(e) => e.pid === m.pid && e.tid === m.tid && e.name === 'RunTask' && e.ph === 'X'
		);
	const tasks = mains.map(tasksOf).sort((a, b) => b.length - a.length)[0] ?? [];
	return {
		cpu: tasks.map((e) => (e.tdur ?? 0) / 1000),
		wall: tasks.map((e) => (e.dur ?? 0) / 1000)
	};
}
