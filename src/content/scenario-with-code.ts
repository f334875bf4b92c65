import type { Scenario } from '../../simulations/index';
import { parseScenarioValue } from '../../simulations/text';

/**
 * The Python file that holds a handler's code, beside its scenario: `<scenario>.py` when the
 * scenario has one handler, `<scenario>.<handler>.py` when it has several.
 */
export function pythonFile(scenarioFile: string, handler: string, handlers: number): string {
	const base = scenarioFile.replace(/\.json$/, '');
	return handlers === 1 ? `${base}.py` : `${base}.${handler}.py`;
}

/**
 * Reads a lesson's scenario file and puts each handler's Python file back into its `code`, so
 * every reader of the scenario sees the code as if the JSON held it; a problem comes back as text.
 * `doc` is that JSON document (before defaults and arrivals are expanded), for lesson params.
 */
export async function loadScenario(
	file: string,
	readFile: (file: string) => Promise<string | null>
): Promise<{ scenario: Scenario; doc: unknown } | { error: string }> {
	const text = await readFile(file);
	if (text === null) return { error: `no file ${file}` };
	// Parsed as a value: a page showing lessons never needs the text tools that place an error at
	// a line (`event-loop-lab simulate FILE` does, for the lesson's author).
	let doc: { handlers: Record<string, { code?: string }> };
	try {
		doc = JSON.parse(text) as typeof doc;
	} catch (e) {
		return { error: `${file}: not valid JSON (${(e as Error).message})` };
	}
	const parsed = parseScenarioValue(doc);
	if (!parsed.ok) return { error: `${file}: ${parsed.errors.map((e) => e.message).join('; ')}` };
	const names = Object.keys(parsed.scenario.handlers);
	let moved = false;
	for (const name of names) {
		const py = pythonFile(file, name, names.length);
		const code = await readFile(py);
		if (code === null) continue;
		if (doc.handlers[name].code !== undefined) {
			return { error: `${py}: handler ${name} also has "code" in ${file}; keep one` };
		}
		// Editors end a file with a newline; the code shown never did.
		doc.handlers[name].code = code.replace(/\r?\n$/, '');
		moved = true;
	}
	if (!moved) return { scenario: parsed.scenario, doc };
	// Again with the code in place, so step lines are checked against it.
	const full = parseScenarioValue(doc);
	if (!full.ok) return { error: `${file}: ${full.errors.map((e) => e.message).join('; ')}` };
	return { scenario: full.scenario, doc };
}
