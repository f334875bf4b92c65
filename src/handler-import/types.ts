import type { LockKind, WorkKind } from '../../simulations/index';

/** A step read from a pasted handler, before the user's durations are applied. */
export type FoundStep = TimedStep | GatherFound | LockFound;

/** Where a found step stands in the reading: `0`, `2.1` (inside a lock), `3.b1.0` (gather branch 1). */
export type StepId = string;

interface FoundBase {
	id: StepId;
	/** 1-based line of the pasted code. */
	line: number;
	/** The call as written, shortened: `time.sleep(0.2)`. */
	call: string;
	/** Why it is this kind of step, in a few words (with the ruff rule, where one exists). */
	why: string;
}

export interface TimedStep extends FoundBase {
	op: 'cpu' | 'block' | 'sleep' | 'io' | 'offload';
	ms: number;
	/** `code`: the duration is the call's literal argument; `default`: a typical figure to adjust. */
	msFrom: 'code' | 'default';
	/** For an offload: what the thread does (block releases the GIL, cpu needs it). */
	work?: WorkKind;
}

export interface GatherFound extends FoundBase {
	op: 'gather';
	branches: FoundStep[][];
}

export interface LockFound extends FoundBase {
	op: 'lock';
	name: string;
	kind: LockKind;
	steps: FoundStep[];
}

/** A call the reader does not know: listed for the user, never guessed. */
export interface Unrecognised {
	call: string;
	line: number;
}

/** What the reader made of a pasted handler. */
export interface HandlerReading {
	name: string;
	/** A FastAPI `def` endpoint: its steps run on anyio's worker threads. */
	sync: boolean;
	/** The pasted text, as the code view will show it. */
	code: string;
	steps: FoundStep[];
	unrecognised: Unrecognised[];
	/** What the model leaves out (a branch not taken, a loop counted once), by line. */
	notes: { line: number; text: string }[];
}

/** Why a paste cannot be read, with the line it concerns. */
export interface ReadProblem {
	line: number;
	message: string;
}

export type ReadResult =
	{ ok: true; reading: HandlerReading } | { ok: false; problem: ReadProblem };
