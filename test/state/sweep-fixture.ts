/** A scenario of two 100 ms blocks to sweep, and its request count as the parameter. */
export const DOC = {
	format: 'event-loop-lab/scenario@1',
	id: 'one',
	title: 'One',
	handlers: { h: { steps: [{ op: 'block', ms: 100 }] } },
	arrivals: [{ handler: 'h', count: 2 }]
};
export const COUNT = { kind: 'requestCount', arrival: 0 } as const;
