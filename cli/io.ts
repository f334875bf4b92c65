import { readFileSync } from 'node:fs';

/** Where a command writes: stdout and stderr, swappable in tests. */
export interface Io {
	/** Writes text (or UTF-8 bytes) to stdout; a promise when the reader is behind: wait for it. */
	out(text: string | Uint8Array): void | Promise<void>;
	err(text: string): void;
}

/** The process's own stdout and stderr; a full pipe makes the writer wait for it to drain. */
export const processIo: Io = {
	out: (text) =>
		process.stdout.write(text)
			? undefined
			: new Promise<void>((resolve) => process.stdout.once('drain', () => resolve())),
	err: (text) => void process.stderr.write(text)
};

/** The text of `file`, or null after telling `io` why it cannot be read (the caller exits 2). */
export function readText(io: Io, file: string): string | null {
	try {
		return readFileSync(file, 'utf8');
	} catch (e) {
		io.err(`cannot read ${file}: ${(e as Error).message}\n`);
		return null;
	}
}
