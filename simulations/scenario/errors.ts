/** A catalogued validation error: a stable code, where (JSON path and, when known, line/column), what was expected and what was found. */
export interface ScenarioError {
	code: ErrorCode;
	/** JSON path such as `handlers.upload.steps[2].ms`; '' for the document itself. */
	path: string;
	expected: string;
	found: string;
	message: string;
	hint: string;
	line?: number;
	column?: number;
}

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** One entry per code: what it means and how to fix it. Tests assert codes, not prose. */
export const ERROR_CATALOGUE = {
	E_JSON_SYNTAX: { hint: 'Fix the JSON syntax at the given line and column.' },
	E_NOT_OBJECT: { hint: 'Use a JSON object here.' },
	E_FORMAT: { hint: 'Set "format": "event-loop-lab/scenario@1".' },
	E_REQUIRED: { hint: 'Add the missing field.' },
	E_UNKNOWN_FIELD: {
		hint: 'Remove the field or fix its spelling; unknown fields are not ignored.'
	},
	E_TYPE: { hint: 'Use a value of the expected type.' },
	E_RANGE: { hint: 'Use a value inside the allowed range.' },
	E_ENUM: { hint: 'Use one of the listed values.' },
	E_PATTERN: { hint: 'Use lowercase letters, digits and dashes.' },
	E_UNKNOWN_OP: {
		hint: 'Use one of: cpu, block, sleep, io, offload, lock, gather, rpc, threadsafeResult, fail.'
	},
	E_UNKNOWN_HANDLER: { hint: 'Name a handler defined under "handlers".' },
	E_DUPLICATE_ID: { hint: 'Give every request a unique id (arrivals use idPrefix + 1..count).' },
	E_NO_REQUESTS: { hint: 'Add at least one entry to "requests" or "arrivals".' },
	E_CONFLICT: { hint: 'Change one of the two settings: they cannot hold together.' },
	E_LINE_OUT_OF_CODE: { hint: 'Point "line" at a line of the handler\'s code.' },
	E_TOO_LARGE: { hint: 'Split the scenario or lower the count.' },
	E_PERIOD_TOO_SHORT: {
		hint: 'Use at least 0.001 ms (1 µs): a shorter period would stop virtual time from moving on (CPython itself rounds a switch interval up to 1 µs).'
	},
	E_ENCODING: { hint: 'Save the file as UTF-8 (a UTF-8 byte order mark is fine).' },
	E_MORE_ERRORS: { hint: 'Fix the errors listed first: the rest are counted, not listed.' }
} as const;
