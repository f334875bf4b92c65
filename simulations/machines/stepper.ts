import { transition, type AnyStateMachine } from 'xstate';

/** An engine event: its type and the facts its guards read, all booleans. */
export type MachineEvent = { type: string } & Record<string, string | boolean>;

/** A named action the owning part executes, with the parameters the machine gives it. */
export interface NamedAction<A extends string> {
	type: A;
	params?: Record<string, string>;
}

/** The state after an event and the actions the owning part must execute, in order. */
export interface Step<S extends string, A extends string> {
	value: S;
	actions: readonly NamedAction<A>[];
}

/**
 * Steps a flat machine with XState's pure `transition()`, memoised per (state, event type,
 * guard inputs): guards read only the event and actions are returned, never run, so the result
 * depends on nothing else. An event the state has no transition for is an engine bug and throws.
 */
export function createStepper<S extends string, E extends MachineEvent, A extends string = never>(
	machine: AnyStateMachine
): (state: S, event: E) => Step<S, A> {
	const cache = new Map<string, Step<S, A>>();
	return (state, event) => {
		let key = `${state}\u0000${event.type}`;
		for (const k in event) if (k !== 'type') key += event[k] ? '1' : '0';
		const hit = cache.get(key);
		if (hit !== undefined) return hit;
		const node = machine.states[state];
		if (!node || !(event.type in node.on)) {
			throw new Error(
				`${machine.id} machine: event ${event.type} is not accepted in state ${state}`
			);
		}
		const [next, actions] = transition(
			machine,
			machine.resolveState({ value: state, context: {} }),
			event
		);
		const step: Step<S, A> = {
			value: next.value as S,
			actions: actions.map((a) =>
				a.params === undefined
					? { type: a.type as A }
					: { type: a.type as A, params: a.params as unknown as Record<string, string> }
			)
		};
		cache.set(key, step);
		return step;
	};
}
