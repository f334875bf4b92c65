import { formatPath, type ScenarioError } from '../../simulations/index';
import type { Path } from './json-edit';

/**
 * The errors a form shows at the field or group with this path: the errors about it, and, for a
 * group, those naming a field it does not know (the engine reports those at the field's path).
 */
export function errorsAt(errors: readonly ScenarioError[], path: Path): ScenarioError[] {
	const here = formatPath(path);
	return errors.filter(
		(e) =>
			e.path === here ||
			(e.code === 'E_UNKNOWN_FIELD' && e.path === formatPath([...path, e.found.slice(1, -1)]))
	);
}
