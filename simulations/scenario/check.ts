import { ERROR_CATALOGUE, type ErrorCode, type ScenarioError } from './errors';

/** A JSON path as segments: `['handlers', 'upload', 'steps', 2, 'ms']`. */
export type Path = readonly (string | number)[];

/** The longest name (handler, lock, request id) a scenario may use, and shows in a message. */
export const MAX_NAME = 100;
/** Errors listed in full; the rest are only counted, so a huge bad document gives a short report. */
export const MAX_ERRORS = 100;
/** The shortest period that drives repetition: 1 µs, the resolution of every time a result reports. */
export const MIN_PERIOD_MS = 0.001;

/** A name as messages show it: cut at MAX_NAME characters, so no message repeats a huge one. */
export function shownName(name: string): string {
	return name.length > MAX_NAME ? `${name.slice(0, MAX_NAME)}…` : name;
}

/** Formats a path the way messages show it: `handlers.upload.steps[2].ms`. */
export function formatPath(path: Path): string {
	let out = '';
	for (const seg of path) {
		if (typeof seg === 'number') {
			out += `[${seg}]`;
			continue;
		}
		const name = shownName(seg);
		if (/^[A-Za-z_$][\w$-]*$/.test(name)) out += out ? `.${name}` : name;
		else out += `[${JSON.stringify(name)}]`;
	}
	return out;
}

/** A short, safe description of a found value for messages. */
export function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'string') {
		return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	}
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value === 'object') return 'an object';
	return typeof value;
}

/** Collects catalogued errors with their paths; validation never stops at the first. */
export class Checker {
	readonly errors: { error: ScenarioError; path: Path }[] = [];
	/** Errors found beyond MAX_ERRORS: counted, never formatted. */
	unlisted = 0;

	fail(code: ErrorCode, path: Path, expected: string, found: string): void {
		if (this.errors.length >= MAX_ERRORS) {
			this.unlisted++;
			return;
		}
		const p = formatPath(path);
		const message = `${p || '(document)'}: expected ${expected}, found ${found}`;
		this.errors.push({
			error: { code, path: p, expected, found, message, hint: ERROR_CATALOGUE[code].hint },
			path
		});
	}

	/** An object with only the allowed keys, or null (and an error) when it is not an object. */
	object(value: unknown, path: Path, allowed: readonly string[]): Record<string, unknown> | null {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) {
			this.fail('E_NOT_OBJECT', path, 'an object', describe(value));
			return null;
		}
		const obj = value as Record<string, unknown>;
		for (const key of Object.keys(obj)) {
			if (!allowed.includes(key)) {
				this.fail(
					'E_UNKNOWN_FIELD',
					[...path, key],
					`one of the fields ${allowed.join(', ')}`,
					`"${shownName(key)}"`
				);
			}
		}
		return obj;
	}

	/** An object whose keys are free-form (handler names), or null when it is not an object. */
	record(value: unknown, path: Path): Record<string, unknown> | null {
		return this.object(value, path, Object.keys(value ?? {}));
	}

	array(value: unknown, path: Path): unknown[] | null {
		if (Array.isArray(value)) return value;
		this.fail('E_TYPE', path, 'an array', describe(value));
		return null;
	}

	/** A finite number within [min, max] (integer if asked); `fallback` when absent, if given. */
	number(
		obj: Record<string, unknown>,
		key: string,
		path: Path,
		o: { min?: number; max?: number; int?: boolean; above?: number; fallback?: number }
	): number {
		const value = obj[key];
		const at = [...path, key];
		if (value === undefined) {
			if (o.fallback !== undefined) return o.fallback;
			this.fail('E_REQUIRED', at, o.int ? 'an integer' : 'a number', 'nothing');
			return NaN;
		}
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			this.fail('E_TYPE', at, o.int ? 'an integer' : 'a finite number', describe(value));
			return NaN;
		}
		const range = rangeText(o);
		if (
			(o.int && !Number.isInteger(value)) ||
			(o.min !== undefined && value < o.min) ||
			(o.above !== undefined && value <= o.above) ||
			(o.max !== undefined && value > o.max)
		) {
			this.fail('E_RANGE', at, `${o.int ? 'an integer' : 'a number'}${range}`, describe(value));
			return NaN;
		}
		return value;
	}

	/**
	 * A period that repeats (a switch interval, a heartbeat): at least MIN_PERIOD_MS, so virtual
	 * time always moves on (`t + 5e-324 === t`) and every tick is a distinct reported time.
	 */
	period(
		obj: Record<string, unknown>,
		key: string,
		path: Path,
		o: { max: number; fallback?: number }
	): number {
		const value = this.number(obj, key, path, o);
		if (value < MIN_PERIOD_MS) {
			const expected = `a period of at least ${MIN_PERIOD_MS} ms (1 µs)`;
			this.fail('E_PERIOD_TOO_SHORT', [...path, key], expected, describe(value));
			return NaN;
		}
		return value;
	}

	string(
		obj: Record<string, unknown>,
		key: string,
		path: Path,
		o: { fallback?: string; nonEmpty?: boolean; max?: number } = {}
	): string {
		const value = obj[key];
		const at = [...path, key];
		if (value === undefined && o.fallback !== undefined) return o.fallback;
		if (value === undefined) {
			this.fail('E_REQUIRED', at, 'a string', 'nothing');
			return '';
		}
		if (typeof value !== 'string') {
			this.fail('E_TYPE', at, 'a string', describe(value));
			return '';
		}
		if ((o.nonEmpty && value.length === 0) || value.length > (o.max ?? 100_000)) {
			this.fail('E_RANGE', at, `a string of 1 to ${o.max ?? 100_000} characters`, describe(value));
		}
		return value;
	}

	boolean(obj: Record<string, unknown>, key: string, path: Path, fallback: boolean): boolean {
		const value = obj[key];
		if (value === undefined) return fallback;
		if (typeof value === 'boolean') return value;
		this.fail('E_TYPE', [...path, key], 'true or false', describe(value));
		return fallback;
	}

	choice<T extends string>(
		obj: Record<string, unknown>,
		key: string,
		path: Path,
		options: readonly T[],
		fallback?: T
	): T {
		const value = obj[key];
		const at = [...path, key];
		if (value === undefined && fallback !== undefined) return fallback;
		if (typeof value === 'string' && (options as readonly string[]).includes(value))
			return value as T;
		const expected = `one of ${options.map((x) => `"${x}"`).join(', ')}`;
		this.fail(value === undefined ? 'E_REQUIRED' : 'E_ENUM', at, expected, describe(value));
		return options[0];
	}
}

function rangeText(o: { min?: number; max?: number; above?: number }): string {
	const parts: string[] = [];
	if (o.above !== undefined) parts.push(`> ${o.above}`);
	if (o.min !== undefined) parts.push(`>= ${o.min}`);
	if (o.max !== undefined) parts.push(`<= ${o.max}`);
	return parts.length ? ` ${parts.join(' and ')}` : '';
}
