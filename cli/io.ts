import { readFileSync } from 'node:fs';

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

/** The text of `file`, or null after telling `io` why it cannot be read (the caller exits 2). */
export function readText(io: Io, file: string): string | null {
	try {
		return readFileSync(file, 'utf8');
	} catch (e) {
		io.err(`cannot read ${file}: ${(e as Error).message}\n`);
		return null;
	}
}
