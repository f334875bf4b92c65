// The `event-loop-lab` bin: `npx event-loop-lab simulate FILE`; compiled by cli/build-bin.ts.
import { notYet, processIo, type Io } from './io';
import { SIMULATE_USAGE, simulateCommand } from './simulate';

const USAGE = [
	SIMULATE_USAGE,
	'       event-loop-lab trace <trace-file> [--json]   (not available yet: trace import is coming)'
].join('\n');

async function main(argv: string[], io: Io): Promise<number> {
	const [command, ...rest] = argv;
	if (command === 'simulate') return simulateCommand(rest, io);
	if (command === 'trace') return notYet(io, 'event-loop-lab trace', 'trace import');
	if (command === '--help' || command === 'help') {
		io.out(`${USAGE}\n`);
		return 0;
	}
	io.err(`${command === undefined ? 'name a command' : `unknown command ${command}`}\n${USAGE}\n`);
	return 2;
}

process.exitCode = await main(process.argv.slice(2), processIo);
