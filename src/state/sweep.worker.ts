// Computes a sweep's points off the page's thread (sweep-api.ts).
import * as Comlink from 'comlink';
import { READY } from '../runtime/ready';
import { createSweepApi } from './sweep-api';

Comlink.expose(createSweepApi(), self as unknown as Comlink.Endpoint);
self.postMessage(READY);
