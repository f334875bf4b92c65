import { transition, type AnyStateMachine } from 'xstate';

/** One pure XState `transition()` from `state`: the next state and the names of its actions. */
export function step(
	machine: AnyStateMachine,
	state: string,
	event: { type: string } & Record<string, unknown>
): [string, string[]] {
	const [next, actions] = transition(
		machine,
		machine.resolveState({ value: state, context: {} }),
		event
	);
	return [next.value as string, actions.map((a) => a.type)];
}
