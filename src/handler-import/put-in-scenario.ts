import type { Handler } from '../../simulations/index';
import { setIn, valueAt } from '../state/json-edit';

/** How the pasted handler joins the scenario: how many requests, how far apart. */
export interface Placement {
	count: number;
	everyMs: number;
	/** Drop the scenario's other requests, so the run is the pasted handler's alone (and titled so). */
	alone: boolean;
}

/**
 * The scenario text with `handler` as its first handler (the one the code view shows), under
 * `name` (an older one of that name replaced), and `count` requests for it. Everything else stays
 * as written. Throws when the text is not a JSON object.
 */
export function putHandler(text: string, name: string, handler: Handler, at: Placement): string {
	const doc = JSON.parse(text) as unknown;
	if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
		throw new Error('the scenario is not a JSON object');
	}
	const handlers: Record<string, unknown> = {};
	// Own keys, so a handler called __proto__ stays a handler.
	Object.defineProperty(handlers, name, { value: handler, enumerable: true });
	const old = valueAt(doc, ['handlers']);
	if (old && typeof old === 'object') {
		for (const [k, v] of Object.entries(old)) {
			if (k !== name) Object.defineProperty(handlers, k, { value: v, enumerable: true });
		}
	}
	let out = setIn(text, ['handlers'], handlers);
	const arrival = { handler: name, count: at.count, startMs: 0, everyMs: at.everyMs };
	const others = (list: string) => {
		const items = valueAt(doc, [list]);
		if (at.alone || !Array.isArray(items)) return [];
		return items.filter((item) => valueAt(item, ['handler']) !== name);
	};
	const requests = others('requests');
	out = setIn(out, ['requests'], requests.length > 0 ? requests : undefined);
	out = setIn(out, ['arrivals'], [...others('arrivals'), arrival]);
	const title = `${name}(), pasted: ${at.count} request${at.count === 1 ? '' : 's'}`;
	return at.alone ? setIn(out, ['title'], title) : out;
}
