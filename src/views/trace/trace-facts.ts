// The trace page's summary: what the file says about where it came from, in the lab's words.
import type { TraceModel, TraceSource } from '../../traces/index';
import { formatMs } from '../../format/numbers';

/** One line of the summary: a label and its value, both plain text. */
export interface TraceFact {
	label: string;
	value: string;
}

const SOURCES: Record<TraceSource, string> = {
	'event-loop-lab': 'Event Loop Lab recorder',
	viztracer: 'viztracer --log_async',
	otlp: 'OTLP/JSON request spans'
};

const text = (v: unknown) => (typeof v === 'string' && v ? v : null);

/** Source, Python, loop, requests and worst lag; a fact the file does not hold says so. */
export function traceFacts(model: TraceModel): TraceFact[] {
	const { about } = model;
	const version = text(about.recorderVersion);
	const python = text(about.python);
	const implementation = text(about.implementation);
	const loop = text(about.loop);
	const cutOff = model.requests.filter((r) => !Number.isFinite(r.endMs)).length;
	const worst = model.lag.reduce<{ atMs: number; lagMs: number } | null>(
		(w, l) => (w === null || l.lagMs > w.lagMs ? l : w),
		null
	);
	return [
		{ label: 'Source', value: SOURCES[model.source] + (version ? ` ${version}` : '') },
		{
			label: 'Python',
			value: python
				? `${implementation === 'cpython' ? 'CPython ' : implementation ? `${implementation} ` : ''}${python}`
				: 'not in the file'
		},
		{
			label: 'Loop',
			value:
				about.uvloop === true
					? `uvloop${loop ? ` (${loop})` : ''}: no per-callback timings, rerun with --loop asyncio`
					: (loop ?? 'not in the file')
		},
		{
			label: 'Requests',
			value: `${model.requests.length}${cutOff ? ` (${cutOff} cut off by the end of the recording)` : ''}`
		},
		{
			label: 'Worst lag',
			value: worst
				? `${formatMs(worst.lagMs, 1)} (a timer at ${formatMs(worst.atMs, 1)} ran that late)`
				: 'not recorded (the file has no timer due times)'
		}
	];
}
