import type { Scenario, SimResult } from '../../simulations/index';
import { assembleResult, unfinishedRequests } from '../../simulations/index';

/**
 * The result of a run whose server worker never answered: its thread is blocked for good (a real
 * deadlock), and `note` is what it said just before blocking.
 */
export function unresponsive(scenario: Scenario, note: string): SimResult {
	const limit = scenario.limitMs;
	return assembleResult(scenario, {
		endMs: limit,
		hung: {
			atMs: limit,
			reason: `the server worker did not answer within ${limit} ms${note ? `: ${note}` : ': its thread is blocked'}`
		},
		requests: unfinishedRequests(scenario),
		heartbeats: [],
		lag: [],
		warnings: []
	});
}
