import type { TraceModel } from '../../../src/traces/index';

/** An empty model of our recorder's source, for the trace page's helpers to fill in. */
export const emptyModel: TraceModel = {
	source: 'event-loop-lab',
	notes: [],
	originUs: 0,
	slices: [],
	selects: [],
	tasks: [],
	pool: [],
	requests: [],
	lag: [],
	samples: [],
	about: {}
};
