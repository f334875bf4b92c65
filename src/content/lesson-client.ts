import type { LessonClient, LessonVariant } from './types';

const KEYS = new Set(['handler', 'variants']);
const VARIANT_KEYS = new Set(['name', 'label']);

/**
 * Reads lesson.json's `client` (where the learner may send requests live): the handler their
 * requests call and the variants they may send them to, each with an optional label for live
 * mode. Absent gives null; every mistake is a problem naming its field, never a throw.
 */
export function readClient(
	value: unknown,
	variants: readonly LessonVariant[]
): { client: LessonClient | null; problems: string[] } {
	if (value === undefined) return { client: null, problems: [] };
	const at = 'lesson.json: client';
	if (!isObject(value)) return { client: null, problems: [`${at}: expected an object`] };
	const problems = unknownKeys(value, KEYS, at);
	const handler = value.handler;
	if (typeof handler !== 'string' || handler === '')
		problems.push(`${at}.handler: expected the name of a handler`);
	const list = Array.isArray(value.variants) ? value.variants : null;
	if (!list || list.length === 0)
		problems.push(`${at}.variants: expected a list of variants ({ "name", "label"? })`);
	const chosen: LessonClient['variants'] = [];
	(list ?? []).forEach((entry: unknown, i) => {
		const here = `${at}.variants[${i}]`;
		if (!isObject(entry) || typeof entry.name !== 'string') {
			problems.push(`${here}: expected { "name": a variant, "label"?: text }`);
			return;
		}
		problems.push(...unknownKeys(entry, VARIANT_KEYS, here));
		const variant = variants.find((v) => v.name === entry.name);
		if (!variant) return void problems.push(`${here}.name: unknown variant "${entry.name}"`);
		if (typeof handler === 'string' && !(handler in variant.scenario.handlers))
			problems.push(`${here}: variant "${entry.name}" has no handler "${handler}"`);
		if (entry.label !== undefined && typeof entry.label !== 'string')
			problems.push(`${here}.label: expected text`);
		const label = typeof entry.label === 'string' ? entry.label : variant.label;
		chosen.push({ name: variant.name, label });
	});
	if (problems.length > 0) return { client: null, problems };
	return { client: { handler: handler as string, variants: chosen }, problems };
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unknownKeys(o: Record<string, unknown>, known: Set<string>, at: string): string[] {
	return Object.keys(o)
		.filter((k) => !known.has(k))
		.map((k) => `${at}: unknown field "${k}"`);
}
