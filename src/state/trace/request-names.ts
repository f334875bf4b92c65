// One name per request on the whole page: the one the timeline's lane has.
import type { ScenarioDocument, TraceModel } from '../../traces/index';

/**
 * Each recorded request's id in the scenario made from it (toScenario names the request at index
 * i of the model `r{i+1}`), for those the scenario has; the others keep the recorder's id as "#id".
 */
export function requestNames(model: TraceModel, scenario: ScenarioDocument): Map<string, string> {
	const inScenario = new Set(scenario.requests.map((r) => r.id));
	return new Map(
		model.requests.map((r, i) => [r.id, inScenario.has(`r${i + 1}`) ? `r${i + 1}` : `#${r.id}`])
	);
}
