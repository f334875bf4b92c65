// What the CPython engine can run today; anything else is refused by name, never run wrongly.
import type { Scenario } from '../../simulations/index';

/** Why exact mode cannot run this scenario, one message per unsupported part (empty: it can). */
export function unsupportedParts(scenario: Scenario): string[] {
	const out: string[] = [];
	for (const [name, handler] of Object.entries(scenario.handlers)) {
		if (handler.sync)
			out.push(`handlers.${name}.sync: FastAPI def endpoints are not supported on CPython yet`);
	}
	return out;
}

/** The error runExact throws for a scenario it cannot run. */
export class UnsupportedOnCPython extends Error {
	constructor(readonly parts: string[]) {
		super(parts.join('\n'));
		this.name = 'UnsupportedOnCPython';
	}
}
