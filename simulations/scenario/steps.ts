import type { Step } from './types';
import { describe, MAX_NAME, type Checker, type Path } from './check';

const MAX_MS = 3_600_000;
/** Nesting of lock, gather and threadsafeResult steps beyond this is refused (and stops cycles). */
export const MAX_DEPTH = 16;

const COMMON = ['op', 'line', 'label'];
const FIELDS: Record<Step['op'], string[]> = {
	cpu: ['ms'],
	block: ['ms'],
	sleep: ['ms'],
	io: ['ms'],
	offload: ['ms', 'work', 'noThread'],
	lock: ['name', 'kind', 'steps'],
	gather: ['branches', 'collect'],
	rpc: ['ms', 'handoff', 'client'],
	threadsafeResult: ['steps', 'timeoutMs'],
	fail: ['error']
};
const OPS = Object.keys(FIELDS) as Step['op'][];

/** Validates a list of handler steps; `codeLines` bounds `line` when the handler shows code. */
export function checkSteps(
	c: Checker,
	value: unknown,
	path: Path,
	codeLines: number | null,
	depth = 0
): Step[] {
	if (depth > MAX_DEPTH) {
		c.fail('E_TOO_LARGE', path, `steps nested at most ${MAX_DEPTH} deep`, 'deeper nesting');
		return [];
	}
	const list = c.array(value, path);
	if (!list) return [];
	return list.map((item, i) => checkStep(c, item, [...path, i], codeLines, depth));
}

function checkStep(
	c: Checker,
	item: unknown,
	path: Path,
	codeLines: number | null,
	depth: number
): Step {
	const bare = item !== null && typeof item === 'object' && !Array.isArray(item);
	const op = bare ? (item as Record<string, unknown>).op : undefined;
	if (typeof op !== 'string' || !(OPS as string[]).includes(op)) {
		if (!bare) c.fail('E_NOT_OBJECT', path, 'a step object', describe(item));
		else if (op === undefined)
			c.fail('E_REQUIRED', [...path, 'op'], `one of ${OPS.join(', ')}`, 'nothing');
		else c.fail('E_UNKNOWN_OP', [...path, 'op'], `one of ${OPS.join(', ')}`, describe(op));
		return { op: 'cpu', ms: 0 };
	}
	const kind = op as Step['op'];
	const o = c.object(item, path, [...COMMON, ...FIELDS[kind]]) as Record<string, unknown>;
	const base: { line?: number; label?: string } = {};
	if (o.line !== undefined) {
		const line = c.number(o, 'line', path, { min: 1, int: true });
		if (codeLines !== null && line > codeLines) {
			c.fail(
				'E_LINE_OUT_OF_CODE',
				[...path, 'line'],
				`a line from 1 to ${codeLines}`,
				String(line)
			);
		}
		base.line = line;
	}
	if (o.label !== undefined) base.label = c.string(o, 'label', path, { max: 200 });
	const ms = () => c.number(o, 'ms', path, { min: 0, max: MAX_MS });
	switch (kind) {
		case 'cpu':
		case 'block':
		case 'sleep':
		case 'io':
			return { op: kind, ms: ms(), ...base };
		case 'offload':
			return {
				op: kind,
				ms: ms(),
				work: c.choice(o, 'work', path, ['cpu', 'block'] as const),
				noThread: c.choice(o, 'noThread', path, ['raise', 'inline'] as const, 'raise'),
				...base
			};
		case 'lock':
			return {
				op: kind,
				name: c.string(o, 'name', path, { nonEmpty: true, max: MAX_NAME }),
				kind: c.choice(o, 'kind', path, ['thread', 'asyncio'] as const),
				steps: checkSteps(c, o.steps, [...path, 'steps'], codeLines, depth + 1),
				...base
			};
		case 'gather': {
			const branches = c.array(o.branches, [...path, 'branches']) ?? [];
			if (o.branches !== undefined && Array.isArray(o.branches) && branches.length === 0) {
				c.fail('E_RANGE', [...path, 'branches'], 'at least one branch', 'an empty array');
			}
			const step: Step = {
				op: kind,
				branches: branches.map((b, j) =>
					checkSteps(c, b, [...path, 'branches', j], codeLines, depth + 1)
				),
				...base
			};
			if (o.collect !== undefined)
				step.collect = c.choice(o, 'collect', path, ['gather', 'asCompleted'] as const);
			return step;
		}
		case 'rpc':
			return {
				op: kind,
				ms: ms(),
				handoff: c.choice(
					o,
					'handoff',
					path,
					['selector', 'threadsafe', 'unsafe'] as const,
					'selector'
				),
				client: c.choice(o, 'client', path, ['perRequest', 'singleSlot'] as const, 'perRequest'),
				...base
			};
		case 'threadsafeResult': {
			const step: Step = {
				op: kind,
				steps: checkSteps(c, o.steps, [...path, 'steps'], codeLines, depth + 1),
				...base
			};
			if (o.timeoutMs !== undefined)
				step.timeoutMs = c.number(o, 'timeoutMs', path, { min: 0, max: MAX_MS });
			return step;
		}
		case 'fail':
			return { op: kind, error: c.string(o, 'error', path, { nonEmpty: true, max: 500 }), ...base };
	}
}
