// The benches' scenario at any size: lesson 2's blocking handler (time.sleep in an async def) as a
// service, requests arriving steadily just slower than one is served, with both monitors.

/** A blocking-handler service of `requests` requests: 2 ms of blocking work, one every 2.5 ms. */
export function blockingService(requests: number): string {
	return JSON.stringify({
		format: 'event-loop-lab/scenario@1',
		id: `blocking-service-${requests}`,
		title: `${requests.toLocaleString('en')} uploads: time.sleep in async def`,
		limitMs: 3_600_000,
		handlers: { upload: { steps: [{ op: 'block', ms: 2, line: 2 }] } },
		arrivals: [{ handler: 'upload', count: requests, startMs: 0, everyMs: 2.5 }],
		background: [
			{ kind: 'heartbeat', everyMs: 100, startMs: -250 },
			{ kind: 'lagMonitor', everyMs: 100, startMs: -250 }
		]
	});
}

/** The sizes the benches print, smallest first. */
export const SIZES = [100, 2_000, 10_000, 100_000];
