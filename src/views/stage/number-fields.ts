import type { LessonParam } from '../../content/lesson-params';
import { draggedNumber, fitNumber } from '../../state/number-values';

/** What the number fields read and change: the learner's values for a lesson's params. */
export interface NumberSource {
	readonly params: readonly LessonParam[];
	value(name: string): number;
	set(name: string, value: number): void;
}

const FIELD = 'input.param[data-param]';
// A press that moves less than this is a click (focus, caret); more is a drag.
const DRAG_START_PX = 4;

function fieldOf(target: EventTarget | null): HTMLInputElement | null {
	return target instanceof HTMLInputElement && target.matches(FIELD) ? target : null;
}

/**
 * Makes the number fields inside `root` (narration HTML, see number-markers.ts) change the
 * learner's values: typing sets a valid number at once and fits it on Enter or leaving the
 * field; ↑ ↓ step (the field's own); Page Up/Down take ten steps; Escape undoes the typing; a
 * sideways drag scrubs. Listens on `root`, so fields rendered later work too. Returns a stop.
 */
export function numberFields(root: HTMLElement, source: NumberSource): () => void {
	const paramOf = (field: HTMLInputElement) =>
		source.params.find((p) => p.name === field.dataset.param);
	let drag: {
		field: HTMLInputElement;
		param: LessonParam;
		x: number;
		start: number;
		on: boolean;
	} | null = null;

	const commit = (field: HTMLInputElement) => {
		const p = paramOf(field);
		if (!p) return;
		const fitted = field.value.trim() === '' ? null : fitNumber(p, Number(field.value));
		if (fitted !== null) source.set(p.name, fitted);
		field.value = String(source.value(p.name));
		field.removeAttribute('aria-invalid');
	};
	const onInput = (e: Event) => {
		const field = fieldOf(e.target);
		const p = field && paramOf(field);
		if (!field || !p) return;
		const n = Number(field.value);
		const ok = field.value.trim() !== '' && fitNumber(p, n) === n;
		field.setAttribute('aria-invalid', String(!ok));
		if (ok) source.set(p.name, n);
	};
	const onChange = (e: Event) => {
		const field = fieldOf(e.target);
		if (field) commit(field);
	};
	const onKey = (e: KeyboardEvent) => {
		const field = fieldOf(e.target);
		const p = field && paramOf(field);
		if (!field || !p) return;
		if (e.key === 'Enter') commit(field);
		else if (e.key === 'Escape') field.value = String(source.value(p.name));
		else if (e.key === 'PageUp' || e.key === 'PageDown') {
			const sign = e.key === 'PageUp' ? 1 : -1;
			source.set(p.name, source.value(p.name) + sign * 10 * p.step);
			field.value = String(source.value(p.name));
		} else return;
		e.preventDefault();
	};
	const onDown = (e: PointerEvent) => {
		const field = fieldOf(e.target);
		const param = field && paramOf(field);
		if (!field || !param || e.button !== 0) return;
		drag = { field, param, x: e.clientX, start: source.value(param.name), on: false };
	};
	const onMove = (e: PointerEvent) => {
		if (!drag) return;
		const dx = e.clientX - drag.x;
		if (!drag.on && Math.abs(dx) < DRAG_START_PX) return;
		if (!drag.on) {
			drag.on = true;
			drag.field.setPointerCapture(e.pointerId);
			drag.field.classList.add('scrubbing');
		}
		e.preventDefault();
		source.set(drag.param.name, draggedNumber(drag.param, drag.start, dx));
		drag.field.value = String(source.value(drag.param.name));
	};
	const onUp = () => {
		drag?.field.classList.remove('scrubbing');
		drag = null;
	};
	const listeners: [string, EventListener][] = [
		['input', onInput],
		['change', onChange],
		['keydown', onKey as EventListener],
		['pointerdown', onDown as EventListener],
		['pointermove', onMove as EventListener],
		['pointerup', onUp],
		['pointercancel', onUp]
	];
	for (const [type, fn] of listeners) root.addEventListener(type, fn);
	return () => {
		for (const [type, fn] of listeners) root.removeEventListener(type, fn);
	};
}

/**
 * Puts the learner's values into every number field inside `root` (all fields of a param show
 * the same value), leaving a field being typed in alone while its text means that value.
 */
export function syncNumberFields(root: HTMLElement, source: NumberSource): void {
	for (const field of root.querySelectorAll<HTMLInputElement>(FIELD)) {
		const value = source.value(field.dataset.param ?? '');
		if (Number.isNaN(value)) continue;
		field.setAttribute('aria-valuenow', String(value));
		const typing = field === document.activeElement && Number(field.value) === value;
		if (!typing && field.value !== String(value)) field.value = String(value);
	}
}
