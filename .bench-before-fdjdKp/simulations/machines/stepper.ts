import { transition, type AnyStateMachine } from 'xstate';

/**
 * Steps a context-free machine by memoising XState's pure `transition()` per (state, event):
 * the machines hold no context and no guards, so the result depends on nothing else.
 * An event the state does not accept is an engine bug and throws.
 */
export function createStepper<S extends string, E extends string>(
	machine: AnyStateMachine
): (state: S, event: E) => S {
	const cache = new Map<string, S>();
	return (state, event) => {
		const key = `${state}\u0000${event}`;
		const hit = cache.get(key);
		if (hit !== undefined) return hit;
		const snapshot = machine.resolveState({ value: state, context: {} });
		if (!snapshot.can({ type: event })) {
			throw new Error(`${machine.id} machine: event ${event} is not accepted in state ${state}`);
		}
		const [next] = transition(machine, snapshot, { type: event });
		const value = next.value as S;
		cache.set(key, value);
		return value;
	};
}
