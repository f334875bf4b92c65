// The `event-loop-lab` bin: `npx event-loop-lab simulate FILE`, `trace FILE`, `sweep FILE …`; compiled by cli/build-bin.ts.
import { processIo, type Io } from './io';
import { SIMULATE_USAGE, simulateCommand } from './simulate';
import { SWEEP_USAGE, sweepCommand } from './sweep';
import { TRACE_USAGE, traceCommand } from './trace';

const USAGE = [
	SIMULATE_USAGE,
	...[TRACE_USAGE, SWEEP_USAGE].map((u) => u.replace('usage:', '      '))
].join('\n');

async function main(argv: string[], io: Io): Promise<number> {
	const [command, ...rest] = argv;
	if (command === 'simulate') return simulateCommand(rest, io);
	if (command === 'trace') return traceCommand(rest, io);
	if (command === 'sweep') return sweepCommand(rest, io);
	if (command === '--help' || command === 'help') {
		io.out(`${USAGE}\n`);
		return 0;
	}
	io.err(`${command === undefined ? 'name a command' : `unknown command ${command}`}\n${USAGE}\n`);
	return 2;
}

// A reader that stops early (`| head`) closes the pipe: what it did not read is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
	if (e.code !== 'EPIPE') throw e;
	process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2), processIo);
