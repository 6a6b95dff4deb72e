// The worker_threads script of `spawnWorker()` in Node: motcua's requests off the main thread.
import { parentPort } from 'node:worker_threads';
import * as api from './node.js';
import { serve } from './serve.js';

parentPort.on('message', (msg) => serve(api, msg, (m) => parentPort.postMessage(m)));
