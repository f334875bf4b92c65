import { describe, expect, it } from 'vitest';
import { ScenarioDraft } from '../../src/state/scenario-draft.svelte';

const TEXT = `{
	"format": "event-loop-lab/scenario@1",
	"id": "demo",
	"title": "Demo",
	"handlers": { "upload": { "steps": [{ "op": "block", "ms": 200 }] }, "health": { "steps": [] } },
	"requests": [{ "id": "h1", "at": 5, "handler": "health" }],
	"arrivals": [{ "handler": "upload", "count": 2 }]
}`;

describe('ScenarioDraft', () => {
	it('simulates a valid text at once, and the form reads the document it holds', () => {
		const d = new ScenarioDraft('a', TEXT);
		expect(d.errors).toEqual([]);
		expect(d.simulated?.run.label).toBe('A: Demo');
		expect(d.valueAt(['handlers', 'upload', 'steps', 0, 'ms'])).toBe(200);
	});

	it('edits the text field by field: set, remove, append, move; the engine re-validates', () => {
		const d = new ScenarioDraft('a', TEXT);
		d.set(['handlers', 'upload', 'steps', 0, 'ms'], -1);
		expect(d.errorsAt(['handlers', 'upload', 'steps', 0, 'ms']).map((e) => e.code)).toEqual([
			'E_RANGE'
		]);
		expect(d.text).toContain('"title": "Demo",\n\t"handlers"');
		d.set(['handlers', 'upload', 'steps', 0, 'ms'], 100);
		d.append(['handlers', 'upload', 'steps'], { op: 'sleep', ms: 5 });
		d.append(['background'], { kind: 'heartbeat', everyMs: 50 });
		d.move(['handlers', 'upload', 'steps'], 1, 0);
		expect(d.valueAt(['handlers', 'upload', 'steps'])).toEqual([
			{ op: 'sleep', ms: 5 },
			{ op: 'block', ms: 100 }
		]);
		d.set(['handlers', 'upload', 'steps', 0], undefined);
		expect(d.valueAt(['handlers', 'upload', 'steps'])).toEqual([{ op: 'block', ms: 100 }]);
		expect(d.valueAt(['background', 0, 'kind'])).toBe('heartbeat');
		expect(d.errors).toEqual([]);
	});

	it('renames a handler in place and points its requests and arrivals at the new name', () => {
		const d = new ScenarioDraft('a', TEXT);
		d.renameHandler('upload', 'save');
		expect(Object.keys(d.valueAt(['handlers']) as object)).toEqual(['save', 'health']);
		expect(d.valueAt(['arrivals', 0, 'handler'])).toBe('save');
		expect(d.valueAt(['requests', 0, 'handler'])).toBe('health');
		expect(d.errors).toEqual([]);
	});

	it('refuses a rename onto another handler, or to nothing, and says why', () => {
		const d = new ScenarioDraft('a', TEXT);
		d.renameHandler('upload', 'health');
		expect(d.editProblem).toMatch(/already a handler called “health”/);
		d.renameHandler('upload', '');
		expect(d.editProblem).toMatch(/needs a name/);
		expect(d.text).toBe(TEXT);
	});

	it('reports an edit through a value of the wrong shape instead of throwing', () => {
		const d = new ScenarioDraft('a', '{"runtime": 5}');
		expect(() => d.set(['runtime', 'threads'], 0)).not.toThrow();
		expect(d.editProblem).toMatch(/could not be made/);
		expect(d.text).toBe('{"runtime": 5}');
		d.set(['title'], 'fixed');
		expect(d.editProblem).toBeNull();
	});

	it('keeps "__proto__" an ordinary key when renaming', () => {
		const d = new ScenarioDraft(
			'a',
			TEXT.replace('"health"', '"__proto__"').replace('"health"', '"__proto__"')
		);
		expect(d.errors).toEqual([]);
		d.renameHandler('upload', 'save');
		expect(Object.keys(d.valueAt(['handlers']) as object)).toEqual(['save', '__proto__']);
		expect(d.errors).toEqual([]);
	});
});
