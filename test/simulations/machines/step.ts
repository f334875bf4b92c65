import { expect, it } from 'vitest';
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

/** One test per [from, event type, to] row of a guard-free machine. */
export function itMovesAsTabled(machine: AnyStateMachine, rows: [string, string, string][]): void {
	for (const [from, type, to] of rows) {
		it(`${from} + ${type} → ${to}`, () => expect(step(machine, from, { type })[0]).toBe(to));
	}
}
