import { describe, expect, it } from 'vitest';
import { emptyModel, type TraceModel } from '../../../src/traces/index';
import { traceFacts } from '../../../src/views/trace/trace-facts';

const facts = (model: TraceModel) =>
	Object.fromEntries(traceFacts(model).map((f) => [f.label, f.value]));

describe('traceFacts(model)', () => {
	it('names the source, Python, loop, requests and the worst lag with its moment', () => {
		expect(
			facts(
				emptyModel('event-loop-lab', {
					about: {
						recorderVersion: '1.0.0',
						python: '3.11.2',
						implementation: 'cpython',
						loop: 'asyncio.unix_events._UnixSelectorEventLoop'
					},
					requests: [
						{ id: '1', path: '/a', arriveMs: 0, endMs: 10 },
						{ id: '2', path: '/b', arriveMs: 5, endMs: Infinity }
					],
					lag: [
						{ atMs: 100, lagMs: 3 },
						{ atMs: 640.25, lagMs: 338.14 }
					]
				})
			)
		).toEqual({
			Source: 'Event Loop Lab recorder 1.0.0',
			Python: 'CPython 3.11.2',
			Loop: 'asyncio.unix_events._UnixSelectorEventLoop',
			Requests: '2 (1 cut off by the end of the recording)',
			'Worst lag': '338.1 ms (a timer at 640.3 ms ran that late)'
		});
	});

	it.each([
		['viztracer', {}, 'viztracer --log_async', 'not in the file'],
		['otlp', { python: '3.12.1' }, 'OTLP/JSON request spans', '3.12.1']
	] as const)('%s: says what the file does not hold', (source, about, named, python) => {
		const f = facts(emptyModel(source, { about }));
		expect(f.Source).toBe(named);
		expect(f.Python).toBe(python);
		expect(f.Loop).toBe('not in the file');
		expect(f['Worst lag']).toMatch(/^not recorded/);
	});

	it('under uvloop says per-callback timings need --loop asyncio', () => {
		expect(
			facts(emptyModel('event-loop-lab', { about: { uvloop: true, loop: 'uvloop.Loop' } })).Loop
		).toBe('uvloop (uvloop.Loop): no per-callback timings, rerun with --loop asyncio');
	});
});
