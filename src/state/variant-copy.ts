import { setIn, valueAt } from './json-edit';

const SUFFIX = ' (copy)';
// The engine's own limit on a title.
const MAX_TITLE = 500;

/**
 * Variant B's first text: scenario A's, titled as a copy, so the views and the variant buttons
 * tell the two apart ("A: Five uploads", "B: Five uploads (copy)"). A text that is not a JSON
 * object is copied as it is.
 */
export function variantCopy(text: string): string {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		return text;
	}
	if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return text;
	const title = valueAt(doc, ['title']);
	const id = valueAt(doc, ['id']);
	const base =
		typeof title === 'string' && title.trim() !== ''
			? title
			: typeof id === 'string' && id !== ''
				? id
				: 'Scenario';
	return setIn(text, ['title'], `${base.slice(0, MAX_TITLE - SUFFIX.length)}${SUFFIX}`);
}
