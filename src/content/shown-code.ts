import type { Scenario } from '../../simulations/index';

/** The code the code view shows for a scenario: its first handler that has some. */
export function shownCode(scenario: Scenario): string | null {
	return Object.values(scenario.handlers).find((h) => h.code)?.code ?? null;
}
