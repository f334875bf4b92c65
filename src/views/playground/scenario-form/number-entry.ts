/** How long typing must pause before a number field writes what it holds into the JSON. */
export const TYPING_PAUSE_MS = 250;

/**
 * What a number field's text means for the JSON: a number, `undefined` (emptied: the key is
 * removed and the engine's default applies), or null while the text is not a number yet ("-" on
 * the way to "-5", "1e" on the way to "1e3"), which must not be written.
 */
export function numberEntry(text: string, badInput: boolean): { value: number | undefined } | null {
	if (badInput) return null;
	if (text.trim() === '') return { value: undefined };
	const n = Number(text);
	return Number.isFinite(n) ? { value: n } : null;
}

/** True when a field's text already says `value` ("1.50" says 1.5), so it need not be rewritten. */
export function saysNumber(text: string, value: unknown): boolean {
	const entry = numberEntry(text, false);
	return entry !== null && entry.value === value;
}

/**
 * One pending write at a time, made once typing pauses for `quietMs`; `flush` makes it at once
 * (when the field is left), `cancel` drops it.
 */
export function afterTypingPauses(quietMs = TYPING_PAUSE_MS) {
	let pending: (() => void) | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const cancel = () => {
		clearTimeout(timer);
		pending = null;
	};
	const flush = () => {
		const write = pending;
		cancel();
		write?.();
	};
	return {
		schedule(write: () => void): void {
			cancel();
			pending = write;
			timer = setTimeout(flush, quietMs);
		},
		flush,
		cancel
	};
}
