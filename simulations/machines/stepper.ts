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
 * Steps a flat machine with XState's pure `transition()`, memoised per (state, event object).
 * Guards read only the event and actions are returned, never run, so the result depends on
 * nothing else; the engine sends the event objects of `plainEvents` and `factEvents`, one per
 * (type, guard inputs), so this is a memo per (state, event type, guard inputs) without building
 * a key. An event the state has no transition for is an engine bug and throws.
 */
export function createStepper<S extends string, E extends MachineEvent, A extends string = never>(
	machine: AnyStateMachine
): (state: S, event: E) => Step<S, A> {
	const byEvent = new WeakMap<E, Map<S, Step<S, A>>>();
	return (state, event) => {
		let byState = byEvent.get(event);
		if (byState === undefined) {
			byState = new Map();
			byEvent.set(event, byState);
		}
		const hit = byState.get(state);
		if (hit !== undefined) return hit;
		const step = resolve<S, A>(machine, state, event);
		byState.set(state, step);
		return step;
	};
}

function resolve<S extends string, A extends string>(
	machine: AnyStateMachine,
	state: S,
	event: MachineEvent
): Step<S, A> {
	const node = machine.states[state];
	if (!node || !(event.type in node.on)) {
		throw new Error(`${machine.id} machine: event ${event.type} is not accepted in state ${state}`);
	}
	const snapshot = machine.resolveState({ value: state, context: {} });
	const [next, actions] = transition(machine, snapshot, event);
	return {
		value: next.value as S,
		actions: actions.map((a) =>
			a.params === undefined
				? { type: a.type as A }
				: { type: a.type as A, params: a.params as unknown as Record<string, string> }
		)
	};
}

/** Stubs for named actions: `transition()` returns them for the owning part to execute. */
export function namedActions<A extends string>(names: readonly A[]): Record<A, () => void> {
	return Object.fromEntries(names.map((n) => [n, () => {}])) as Record<A, () => void>;
}

/** One event object per guard-free event type, allocated once (the engine sends them often). */
export function plainEvents<T extends string>(types: readonly T[]): { [K in T]: { type: K } } {
	return Object.fromEntries(types.map((type) => [type, { type }])) as { [K in T]: { type: K } };
}

/**
 * The events of one type for every combination of its boolean guard facts, allocated once:
 * `of(a, b)` returns the event whose facts are a and b, in the order `facts` names them.
 */
export function factEvents<E extends MachineEvent>(
	type: E['type'],
	facts: readonly Exclude<keyof E & string, 'type'>[]
): (...values: boolean[]) => E {
	const all: E[] = [];
	for (let bits = 0; bits < 1 << facts.length; bits++) {
		const event: Record<string, string | boolean> = { type };
		facts.forEach((fact, i) => (event[fact] = (bits & (1 << i)) !== 0));
		all.push(event as E);
	}
	return (...values) => {
		let bits = 0;
		for (let i = 0; i < values.length; i++) if (values[i]) bits |= 1 << i;
		return all[bits];
	};
}
