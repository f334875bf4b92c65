/**
 * A service at scale, for the aggregate views' tests and pictures: `count` requests arriving
 * every `everyMs`, most awaiting a database and offloading a little work; one in ten is a report
 * that blocks the loop, all of them in a burst in the middle of the run, so the queues grow and
 * drain. A heartbeat and a lag monitor run throughout.
 */
export function serviceScenario(count: number, everyMs = 5): string {
	const api = Math.ceil(count * 0.9);
	return JSON.stringify(
		{
			format: 'event-loop-lab/scenario@1',
			id: `service-${count}`,
			title: `A service: ${count} requests`,
			limitMs: 20 + count * everyMs * 4,
			runtime: { threads: 4 },
			handlers: {
				api: {
					steps: [
						{ op: 'io', ms: 30 },
						{ op: 'offload', ms: 12, work: 'block' },
						{ op: 'cpu', ms: 1 }
					]
				},
				report: { steps: [{ op: 'block', ms: 15 }] }
			},
			arrivals: [
				{ handler: 'api', count: api, startMs: 0, everyMs, jitterMs: everyMs, idPrefix: 'a' },
				{
					handler: 'report',
					count: count - api,
					startMs: Math.round((api * everyMs) / 3),
					everyMs: everyMs * 2,
					jitterMs: everyMs,
					idPrefix: 'r'
				}
			],
			background: [
				{ kind: 'heartbeat', everyMs: 100, startMs: -250 },
				{ kind: 'lagMonitor', everyMs: 100, startMs: -250 }
			]
		},
		null,
		2
	);
}
