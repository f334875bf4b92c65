import type { WorkKind } from '../../simulations/index';

/** What a name was bound to (`client = httpx.AsyncClient()`, `with open(p) as f`), so its methods can be read. */
export type Binding =
	| 'asyncHttp'
	| 'asyncHttpResponse'
	| 'asyncDb'
	| 'asyncFile'
	| 'syncHttp'
	| 'file'
	| 'syncDb'
	| 'asyncioLock'
	| 'threadLock'
	| 'loop'
	| 'request'
	| 'streamReader'
	| 'streamWriter';

/** A call the rules know: the step it is, and what its result is, if that is worth remembering. */
export interface Rule {
	op: 'cpu' | 'block' | 'sleep' | 'io' | 'instant' | 'offload' | 'gather' | 'await-inner';
	ms?: number;
	/** The duration is the call's first argument, in seconds, when that is a literal. */
	secondsArg?: boolean;
	why?: string;
	binds?: Binding;
	/** Also a plain method, instant when not awaited (httpx's `response.json()`). */
	alsoSync?: boolean;
}

const HTTP_VERBS = 'get|post|put|patch|delete|head|options|request|send|stream';
const ASYNC210 = 'a blocking HTTP call: the loop waits for the response (ruff ASYNC210)';
const FILE_IO = 'file I/O on the loop thread (ruff ASYNC230)';
const SYNC_DB = 'a sync DB driver: the loop thread waits for the database';
const PROCESS = 'runs a process and waits for it on the loop thread (ruff ASYNC221)';

/** Module-level callables, by dotted name. First match wins. */
const BY_NAME: [RegExp, Rule][] = [
	[
		/^time\.sleep$/,
		{
			op: 'block',
			ms: 200,
			secondsArg: true,
			why: 'time.sleep blocks the loop thread (ruff ASYNC251)'
		}
	],
	[
		/^asyncio\.sleep$/,
		{ op: 'sleep', ms: 100, secondsArg: true, why: 'a timer: the loop is free meanwhile' }
	],
	[new RegExp(`^requests\\.(${HTTP_VERBS})$`), { op: 'block', ms: 150, why: ASYNC210 }],
	[/^(urllib\.request\.)?urlopen$|^urllib3\.request$/, { op: 'block', ms: 150, why: ASYNC210 }],
	[
		new RegExp(`^httpx\\.(${HTTP_VERBS})$`),
		{ op: 'block', ms: 150, why: "httpx's sync API blocks (ruff ASYNC212)" }
	],
	[
		/^subprocess\.(run|call|check_call|check_output|getoutput|getstatusoutput)$/,
		{ op: 'block', ms: 100, why: PROCESS }
	],
	[
		/^subprocess\.Popen$/,
		{ op: 'block', ms: 5, why: 'starts a process from the loop thread (ruff ASYNC220)' }
	],
	[/^os\.(system|popen|spawn\w*|posix_spawn\w*)$/, { op: 'block', ms: 100, why: PROCESS }],
	[
		/^os\.(wait|waitpid|wait3|wait4)$/,
		{ op: 'block', ms: 100, why: 'waits for a process on the loop thread (ruff ASYNC222)' }
	],
	[/^(io\.)?open$/, { op: 'block', ms: 5, why: FILE_IO, binds: 'file' }],
	[
		/^(psycopg2|psycopg|sqlite3|pymysql|MySQLdb|mysql\.connector)\.connect$/,
		{ op: 'block', ms: 20, why: SYNC_DB, binds: 'syncDb' }
	],
	[/^shutil\.(copy\w*|move|rmtree)$/, { op: 'block', ms: 20, why: FILE_IO }],
	[
		/^asyncpg\.(connect|create_pool)$/,
		{ op: 'io', ms: 20, why: 'asyncpg connects without blocking', binds: 'asyncDb' }
	],
	[
		/^aiofiles\.open$/,
		{ op: 'io', ms: 5, why: 'aiofiles opens the file on a thread', binds: 'asyncFile' }
	],
	[
		/^(asyncio\.to_thread|(starlette\.concurrency\.)?run_in_threadpool|anyio\.to_thread\.run_sync)$/,
		{ op: 'offload' }
	],
	[/^asyncio\.gather$/, { op: 'gather' }],
	[/^asyncio\.(wait_for|shield)$/, { op: 'await-inner' }],
	[/^httpx\.AsyncClient$/, { op: 'instant', binds: 'asyncHttp' }],
	[/^aiohttp\.ClientSession$/, { op: 'instant', binds: 'asyncHttp' }],
	[
		/^(requests\.Session|httpx\.Client|urllib3\.PoolManager)$/,
		{ op: 'instant', binds: 'syncHttp' }
	],
	[/^(pathlib\.)?Path$/, { op: 'instant', binds: 'file' }],
	[/^(\w+\.)*(Session|AsyncSession)$/, { op: 'instant' }],
	[/^asyncio\.Lock$/, { op: 'instant', binds: 'asyncioLock' }],
	[/^threading\.R?Lock$/, { op: 'instant', binds: 'threadLock' }],
	[/^asyncio\.(get_running_loop|get_event_loop)$/, { op: 'instant', binds: 'loop' }],
	[
		/^(len|str|int|float|bool|dict|list|set|tuple|range|enumerate|zip|print|isinstance|repr|min|max|abs|round|any|all|format|type|getattr|hasattr|iter|next)$/,
		{ op: 'instant' }
	],
	[/^(logging|logger|log|json|uuid|datetime|math)\.\w+$/, { op: 'instant' }],
	[/^(asyncio\.(timeout|timeout_at)|contextlib\.suppress|suppress)$/, { op: 'instant' }],
	[/^(time\.(time|monotonic|perf_counter)|\w*HTTPException|\w*Response)$/, { op: 'instant' }]
];

const RESPONSE_READ = /^(json|text|read|body|form)$/;

/** Methods of a bound name, by what it is bound to. */
const BY_BINDING: Record<Binding, [RegExp, Rule][]> = {
	asyncHttp: [
		[
			new RegExp(`^(${HTTP_VERBS})$`),
			{
				op: 'io',
				ms: 150,
				why: 'an awaited HTTP call: the loop is free meanwhile',
				binds: 'asyncHttpResponse'
			}
		]
	],
	asyncHttpResponse: [
		[
			RESPONSE_READ,
			{ op: 'io', ms: 5, why: 'reads the response body without blocking', alsoSync: true }
		],
		[/^raise_for_status$/, { op: 'instant' }]
	],
	asyncDb: [
		[
			/^(fetch|fetchrow|fetchval|execute|executemany|scalar|scalars|get)$/,
			{ op: 'io', ms: 50, why: 'an awaited query: the loop is free meanwhile' }
		],
		[/^(commit|refresh|flush)$/, { op: 'io', ms: 5, why: 'an awaited round trip to the database' }],
		[/^acquire$/, { op: 'io', ms: 1, why: 'takes a pooled connection', binds: 'asyncDb' }],
		[/^(transaction|close|add)$/, { op: 'instant' }]
	],
	asyncFile: [
		[
			/^(read|write|readline|readlines)$/,
			{ op: 'io', ms: 20, why: 'aiofiles does the file I/O on a thread' }
		]
	],
	syncHttp: [[new RegExp(`^(${HTTP_VERBS})$`), { op: 'block', ms: 150, why: ASYNC210 }]],
	file: [
		[
			/^(read|write|readline|readlines|writelines|flush|(read|write)_(text|bytes))$/,
			{ op: 'block', ms: 20, why: FILE_IO }
		],
		[/^close$/, { op: 'instant' }]
	],
	syncDb: [
		[
			/^(execute|executemany|executescript|query|get|scalar|scalars)$/,
			{ op: 'block', ms: 50, why: SYNC_DB }
		],
		[
			/^(fetchone|fetchall|fetchmany|commit|rollback|refresh)$/,
			{ op: 'block', ms: 5, why: SYNC_DB }
		],
		[/^cursor$/, { op: 'instant', binds: 'syncDb' }],
		[/^(close|add|delete)$/, { op: 'instant' }]
	],
	asyncioLock: [],
	threadLock: [],
	loop: [[/^run_in_executor$/, { op: 'offload' }]],
	request: [[RESPONSE_READ, { op: 'io', ms: 1, why: 'reads the request body without blocking' }]],
	streamReader: [
		[
			/^(read|readline|readexactly|readuntil)$/,
			{ op: 'io', ms: 20, why: 'awaits bytes from the socket' }
		]
	],
	streamWriter: [
		[/^(drain|wait_closed)$/, { op: 'io', ms: 1, why: 'awaits the socket' }],
		[/^(write|writelines|close)$/, { op: 'instant' }]
	]
};

/** Methods that are CPU-heavy on whatever object has them: a model's inference holds the GIL. */
const CPU_METHODS = /^(predict|predict_proba|predict_on_batch|fit|fit_transform|inference)$/;
/** Pure methods of strings, lists and dicts: instant, whatever holds them. */
const PURE_METHODS =
	/^(append|extend|insert|pop|items|keys|values|update|split|strip|lstrip|rstrip|join|lower|upper|replace|startswith|endswith|encode|decode|copy|setdefault|model_dump|dict|json)$/;

/** How a call's callee is named: `requests.get` is receiver `requests`, method `get`. */
export interface Callee {
	/** The whole dotted name, when the callee is one (`a.b.c`). */
	dotted: string | null;
	/** The bound name it is a method of (`client` in `client.get`), if any. */
	receiver: string | null;
	method: string | null;
	/** The callee's receiver is another call's result (`requests.get(u).json`). */
	onCallResult: boolean;
}

/** The rule for a call, or null when no rule knows it. */
export function ruleFor(callee: Callee, bindings: ReadonlyMap<string, Binding>): Rule | null {
	const bound = callee.receiver === null ? undefined : bindings.get(callee.receiver);
	if (bound && callee.method) {
		const hit = BY_BINDING[bound].find(([re]) => re.test(callee.method as string));
		if (hit) return hit[1];
	}
	if (callee.dotted) {
		const hit = BY_NAME.find(([re]) => re.test(callee.dotted as string));
		if (hit) return hit[1];
	}
	if (callee.method && CPU_METHODS.test(callee.method)) {
		return {
			op: 'cpu',
			ms: 100,
			why: 'CPU-heavy work in the coroutine: it holds the loop and the GIL'
		};
	}
	if (callee.method && PURE_METHODS.test(callee.method)) return { op: 'instant' };
	return null;
}

/** What work an offloaded callable does, when the rules know it (`time.sleep`, `model.predict`). */
export function offloadWork(rule: Rule | null): { work: WorkKind; ms: number } | null {
	if (rule?.op === 'block' || rule?.op === 'cpu') return { work: rule.op, ms: rule.ms ?? 100 };
	return null;
}

/** What a parameter's annotation makes of it (`request: Request`, `db: Session = Depends(…)`). */
export function annotationBinding(annotation: string): Binding | null {
	if (annotation.startsWith('asyncpg.')) return 'asyncDb';
	const last = annotation.split('.').at(-1) ?? '';
	const byType: Record<string, Binding> = {
		Request: 'request',
		UploadFile: 'asyncFile',
		StreamReader: 'streamReader',
		StreamWriter: 'streamWriter',
		Session: 'syncDb',
		Connection: 'syncDb',
		AsyncSession: 'asyncDb',
		AsyncClient: 'asyncHttp',
		ClientSession: 'asyncHttp',
		Client: 'syncHttp'
	};
	return byType[last] ?? null;
}
