/**
 * Up to this many requests the stage draws one lane per request (today's timeline and latency
 * table); beyond it, the service: queues, latency percentiles, the loop's shares, the pool, with
 * lanes on demand. Forty lanes of 24 px still fit a screen beside the loop and the threads, and
 * the lessons' largest scenarios stay well under it.
 */
export const LANES_UP_TO = 40;

/** Whether a run with this many requests is drawn as a service. */
export const drawsService = (requests: number): boolean => requests > LANES_UP_TO;
