import {
	formatTimeline,
	parseScenario,
	simulate,
	type Scenario,
	type ScenarioError,
	type SimResult
} from '../../simulations/index';

/** What the page shows for a scenario text: its catalogued errors, or the run's result and timeline. */
export type RunOutcome =
	| { kind: 'errors'; errors: ScenarioError[] }
	| { kind: 'result'; scenario: Scenario; result: SimResult; timeline: string };

/** Validates and simulates scenario JSON text. */
export function runScenario(text: string): RunOutcome {
	const parsed = parseScenario(text);
	if (!parsed.ok) return { kind: 'errors', errors: parsed.errors };
	const result = simulate(parsed.scenario, { trace: true });
	return { kind: 'result', scenario: parsed.scenario, result, timeline: formatTimeline(result) };
}
