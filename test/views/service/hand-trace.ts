import type { SimResult, TraceBody, TraceEvent } from '../../../simulations/index';

/** A trace written by hand: `[t, actor, body]` in order, numbered as the engine numbers them. */
export function handTrace(events: [number, string, TraceBody][]): TraceEvent[] {
	return events.map(([t, actor, body], seq) => ({ t, seq, actor, ...body }) as TraceEvent);
}

const loop = (state: 'running' | 'blocked' | 'selecting' | 'idle') =>
	({ type: 'thread', detail: { state, doing: null, kind: 'loop' } }) as TraceBody;
const pool = (state: 'running' | 'blocked' | 'idle') =>
	({ type: 'thread', detail: { state, doing: null, kind: 'pool' } }) as TraceBody;

/**
 * Three requests on a loop of 100 ms: r1 and r2 arrive at 0, r3 at 10; the loop reads r1 and r2
 * at 0 (two callbacks ready), runs them, blocks 0–40 on r1, runs r2 40–50 (which offloads to pool
 * thread 1 from 50 to 80), idles in select from 50, reads r3 at 60 and runs it 60–70. Answers: r1
 * at 40 (40 ms), r2 at 90 (90 ms), r3 at 70 (60 ms). Lag samples at 50 (30 ms) and 100 (2 ms).
 */
export const HAND_RESULT: SimResult = {
	format: 'event-loop-lab/result@1',
	scenario: 'hand',
	outcome: 'completed',
	endMs: 100,
	hung: null,
	requests: [
		{ id: 'r1', handler: 'h', arriveMs: 0, startMs: 0, endMs: 40, status: 'ok' },
		{ id: 'r2', handler: 'h', arriveMs: 0, startMs: 40, endMs: 90, status: 'ok' },
		{ id: 'r3', handler: 'h', arriveMs: 10, startMs: 60, endMs: 70, status: 'ok' }
	] as SimResult['requests'],
	heartbeats: [],
	lag: [
		{ atMs: 50, lagMs: 30 },
		{ atMs: 100, lagMs: 2 }
	],
	warnings: [],
	trace: handTrace([
		[0, 'loop', loop('running')],
		[0, 'r1', { type: 'arrive', detail: { waitsAt: 'selector' } }],
		[0, 'r2', { type: 'arrive', detail: { waitsAt: 'selector' } }],
		[0, 'loop', { type: 'enqueue', detail: { cb: 'read request r1', via: 'io', request: 'r1' } }],
		[0, 'loop', { type: 'enqueue', detail: { cb: 'read request r2', via: 'io', request: 'r2' } }],
		[0, 'loop', { type: 'run', detail: { cb: 'read request r1' } }],
		[0, 'loop', loop('blocked')],
		[10, 'r3', { type: 'arrive', detail: { waitsAt: 'selector' } }],
		[40, 'r1', { type: 'done', detail: { status: 'ok' } }],
		[40, 'loop', loop('running')],
		[40, 'loop', { type: 'run', detail: { cb: 'read request r2' } }],
		[50, 'pool-1', pool('running')],
		[50, 'loop', { type: 'select', detail: { timeoutMs: null } }],
		[50, 'lagMonitor', { type: 'lag', detail: { lagMs: 30 } }],
		[60, 'loop', loop('running')],
		[60, 'loop', { type: 'enqueue', detail: { cb: 'read request r3', via: 'io', request: 'r3' } }],
		[60, 'loop', { type: 'run', detail: { cb: 'read request r3' } }],
		[70, 'r3', { type: 'done', detail: { status: 'ok' } }],
		[70, 'loop', { type: 'select', detail: { timeoutMs: null } }],
		[80, 'pool-1', pool('idle')],
		[90, 'r2', { type: 'done', detail: { status: 'ok' } }],
		[100, 'lagMonitor', { type: 'lag', detail: { lagMs: 2 } }]
	])
};
