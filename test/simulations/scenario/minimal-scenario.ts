/** The smallest valid scenario document (one handler, one request), with `extra` fields over it. */
export const minimalScenario = (extra: Record<string, unknown> = {}) => ({
	format: 'event-loop-lab/scenario@1',
	id: 'x',
	title: 't',
	handlers: { h: { steps: [{ op: 'cpu', ms: 1 }] } },
	requests: [{ id: 'r1', at: 0, handler: 'h' }],
	...extra
});
