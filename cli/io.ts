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
