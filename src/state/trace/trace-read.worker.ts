// Reads trace files off the page's thread (trace-api.ts), so a large file never freezes the page.
import * as Comlink from 'comlink';
import { READY } from '../../runtime/ready';
import { createTraceApi } from './trace-api';

Comlink.expose(createTraceApi(), self as unknown as Comlink.Endpoint);
self.postMessage(READY);
