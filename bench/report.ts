// How the browser benches print a figure against its target, and remember what missed.

const misses: string[] = [];

/** Prints one figure against its target and remembers a miss. */
export function report(
	name: string,
	value: number,
	target: number,
	unit: string,
	detail = ''
): void {
	const ok = value <= target;
	if (!ok) misses.push(name);
	const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
	console.log(
		`${name}: ${shown}${unit} (target ≤ ${target}${unit}) ${ok ? 'ok' : 'MISSED'}${detail ? `; ${detail}` : ''}`
	);
}

/** Prints what missed, and exits 1 on a miss under `--strict`. */
export function finish(): never {
	if (misses.length) console.log(`missed: ${misses.join('; ')}`);
	process.exit(process.argv.includes('--strict') && misses.length ? 1 : 0);
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
