/** Where a command writes: stdout and stderr, swappable in tests. */
export interface Io {
	out(text: string): void;
	err(text: string): void;
}

/** The process's own stdout and stderr. */
export const processIo: Io = {
	out: (text) => process.stdout.write(text),
	err: (text) => process.stderr.write(text)
};

/** Answers a part of the contract that is not built yet; exits 2 so scripts notice. */
export function notYet(io: Io, what: string, coming: string): number {
	io.err(`${what} is not available yet (${coming} is coming); use the model engine for now\n`);
	return 2;
}
