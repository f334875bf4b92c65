import fc from 'fast-check';
import { flushSync, mount, unmount } from 'svelte';
import { describe, expect, it } from 'vitest';
import ScenarioForm from '../../../src/views/playground/scenario-form/ScenarioForm.svelte';
import { ScenarioDraft } from '../../../src/state/scenario-draft.svelte';

/** Mounts the form on a draft of `text`, and returns the draft and the form's element. */
function render(text: string) {
	const target = document.createElement('div');
	document.body.append(target);
	const draft = new ScenarioDraft('a', text);
	const form = mount(ScenarioForm, { target, props: { draft } });
	flushSync();
	return {
		draft,
		target,
		done: () => {
			unmount(form);
			target.remove();
		}
	};
}

/** Scenario-shaped documents whose every field may hold the wrong kind of value. */
const anything = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));
const step = fc.record(
	{
		op: fc.oneof(fc.constantFrom('cpu', 'lock', 'gather', 'threadsafeResult'), anything),
		ms: anything,
		steps: anything,
		branches: anything,
		label: anything
	},
	{ requiredKeys: [] }
);
const scenarioish = fc.record(
	{
		title: anything,
		runtime: fc.oneof(anything, fc.record({ threads: anything, gil: anything, host: anything })),
		handlers: fc.oneof(
			anything,
			fc.dictionary(
				fc.string(),
				fc.record({ code: anything, steps: fc.oneof(anything, fc.array(fc.oneof(step, anything))) })
			)
		),
		requests: fc.oneof(
			anything,
			fc.array(fc.record({ id: anything, at: anything, handler: anything }))
		),
		arrivals: anything,
		background: fc.oneof(anything, fc.array(anything))
	},
	{ requiredKeys: [] }
);

describe('ScenarioForm', () => {
	it('draws any document, of any shape, without throwing; markup in it stays text', () => {
		fc.assert(
			fc.property(fc.oneof(scenarioish, anything), (doc) => {
				const { target, done } = render(JSON.stringify(doc) ?? '');
				expect(target.querySelectorAll('img, script, b')).toHaveLength(0);
				done();
			}),
			{ numRuns: 60 }
		);
	});

	it('shows hostile names as text and edits the JSON when a field changes', () => {
		const hostile = '<img src=x onerror="globalThis.pwned=1">';
		const { draft, target, done } = render(
			JSON.stringify({
				title: hostile,
				handlers: { [hostile]: { steps: [{ op: 'cpu', ms: 5, label: hostile }] } }
			})
		);
		expect(target.querySelectorAll('img')).toHaveLength(0);
		expect(target.textContent).toContain(`Handler ${hostile}`);
		const label = [...target.querySelectorAll('label')].find(
			(l) => l.textContent === 'Duration (ms)'
		);
		const ms = document.getElementById(label?.htmlFor ?? '') as HTMLInputElement | null;
		expect(ms?.value).toBe('5');
		ms!.value = '7';
		ms!.dispatchEvent(new Event('change', { bubbles: true }));
		flushSync();
		expect(draft.valueAt(['handlers', hostile, 'steps', 0, 'ms'])).toBe(7);
		expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
		done();
	});
});
