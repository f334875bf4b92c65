import { describe, expect, it } from 'vitest';
import { emptyFrame, type Frame } from '../../simulations/index';
import { checkExpectations } from '../../src/content/check-expectations';
import { parseExpectations } from '../../src/content/step-expectations';

// Lesson 6's deadlock, one frame: main/2 blocks the loop thread in acquire() while main/1 holds
// the lock across an await; r2 waits unread and the reader thread has died.
function frame(): Frame {
	const f = emptyFrame();
	f.t = 20;
	f.loop = { ...f.loop, running: 'main/2 step', ready: ['main/3 step'], batch: 2, timers: [] };
	f.loop.timers = [{ id: 1, at: 50, cb: 'heartbeat step' }];
	f.loopThread = { state: 'blocked', blockedOn: "threading.Lock 'client_lock'.acquire()" };
	f.unread = ['r2'];
	f.threads = {
		loop: { state: 'blocked', doing: 'main/2: acquire', kind: 'loop' },
		reader: { state: 'idle', doing: null, kind: 'reader' }
	};
	f.gil = { holder: null, waiters: [] };
	f.locks = { client_lock: { kind: 'thread', holder: 'main/1', waiters: ['main/2'] } };
	f.pool = { queue: ['r4 work'], threads: 1 };
	f.tasks = {
		'main/1': { state: 'waiting', on: 'rpc response' },
		'main/2': { state: 'running', on: null }
	};
	f.requests = {
		r1: { state: 'ok' },
		r2: { state: 'arrived' },
		r3: { state: 'error', error: 'TimeoutError' }
	};
	f.handoffs = [
		{ at: 20, from: 'reader', to: 'loop', kind: 'unsafe', what: 'set_result #1', woke: false }
	];
	f.heartbeats = 2;
	f.lastLagMs = 949.6;
	f.log = [
		{
			at: 20,
			source: 'threading.excepthook',
			text: 'Exception in thread rpc-reader:\nRuntimeError: …'
		}
	];
	return f;
}

function check(text: string): string[] {
	const { expect: claims, errors } = parseExpectations(text, 1);
	expect(errors).toEqual([]);
	return checkExpectations(frame(), claims);
}

describe('checkExpectations(frame, expect)', () => {
	it.each([
		'loop blocked',
		'loop blocked on "acquire"',
		'gil free',
		'lock client_lock held by main/1',
		'lock client_lock held by main/1 waiting main/2',
		'log lines 1',
		'log has "Exception in thread rpc-reader"',
		'log has threading.excepthook "RuntimeError"',
		'log none asyncio',
		'ready 1',
		'ready has "main/3 step"',
		'batch 2',
		'unread r2',
		'timers 1',
		'request r1 ok',
		'request r2 pending',
		'request r3 error',
		'request r3 error "Timeout"',
		'thread reader idle',
		'task main/1 waiting',
		'outcome running',
		'heartbeats 2',
		'lag 950',
		'pool queued 1',
		'handoff unsafe',
		'handoff unsafe silent'
	])('finds %s true of the frame', (text) => {
		expect(check(text)).toEqual([]);
	});

	it.each([
		['loop select', 'loop blocked on "threading.Lock \'client_lock\'.acquire()"'],
		['loop blocked on "select"', 'loop blocked on "threading.Lock \'client_lock\'.acquire()"'],
		['loop callback', 'loop blocked on'],
		['gil loop', 'gil free'],
		['lock client_lock free', 'lock client_lock held by main/1 waiting main/2'],
		[
			'lock client_lock held by main/1 waiting none',
			'lock client_lock held by main/1 waiting main/2'
		],
		['lock client_lock held by main/2', 'lock client_lock held by main/1'],
		['lock other_lock free', 'no lock other_lock (locks: client_lock)'],
		['log empty', 'threading.excepthook: "Exception in thread rpc-reader'],
		['log has asyncio "Exception"', 'threading.excepthook: "Exception'],
		['log none threading.excepthook', 'threading.excepthook: "Exception'],
		['ready empty', 'ready 1 (main/3 step)'],
		['ready has "main step"', 'ready main/3 step'],
		['batch 6', 'batch 2'],
		['unread none', 'unread r2'],
		['unread r2 r3', 'unread r2'],
		['timers none', 'timers 1 (heartbeat step@50)'],
		['request r1 r2 ok', 'request r2 pending'],
		['request r3 error "Cancelled"', 'request r3 error "TimeoutError"'],
		['request r9 pending', 'request r9 not arrived'],
		['thread reader blocked', 'thread reader idle'],
		['thread pool-1 idle', 'no thread pool-1 (threads: loop reader)'],
		['task main/1 main/2 waiting', 'task main/2 running'],
		['task main/9 done', 'no task main/9'],
		['outcome hung', 'outcome running'],
		['heartbeats 3', 'heartbeats 2'],
		['lag none', 'lag 950'],
		['pool queued 0', 'pool queued 1 (r4 work)'],
		['handoff threadsafe', 'handoffs unsafe silent'],
		['handoff unsafe woke', 'handoffs unsafe silent']
	])('finds %s false, and says what the frame has', (text, shown) => {
		expect(check(text)).toEqual([expect.stringMatching(/^expected .*, frame has /)]);
		expect(check(text)[0]).toContain(`expected ${text}, frame has ${shown}`);
	});

	it('counts a run as hung from its hung event, before its end event, and checks its reason', () => {
		const f = frame();
		f.hungReason = 'deadlock: the loop thread is blocked';
		const claims = (text: string) => parseExpectations(text, 1).expect;
		expect(
			checkExpectations(f, claims('outcome hung; outcome hung "loop thread is blocked"'))
		).toEqual([]);
		expect(checkExpectations(f, claims('outcome hung "asleep in select()"'))).toEqual([
			'expected outcome hung "asleep in select()", frame has outcome hung "deadlock: the loop thread is blocked"'
		]);
	});

	it('counts a run cut short at its limit as stopped, not hung, and checks its reason', () => {
		const f = frame();
		f.stoppedReason = 'Stopped at the 1 s limit: 50 requests unfinished';
		const claims = (text: string) => parseExpectations(text, 1).expect;
		expect(checkExpectations(f, claims('outcome stopped; outcome stopped "50 requests"'))).toEqual(
			[]
		);
		expect(checkExpectations(f, claims('outcome hung'))).toEqual([
			'expected outcome hung, frame has outcome stopped "Stopped at the 1 s limit: 50 requests unfinished"'
		]);
	});

	it('reports each broken claim of a step, in order', () => {
		expect(check('loop select; gil free; outcome hung')).toEqual([
			'expected loop select, frame has loop blocked on "threading.Lock \'client_lock\'.acquire()"',
			'expected outcome hung, frame has outcome running'
		]);
	});
});
