import ELK from 'elkjs/lib/elk.bundled.js';
import { createState, handle } from './handler';
import { QUERIES } from './queries';
import type { Request } from './protocol';

// elkjs' bundled build claims `self.onmessage` (STACK trap 8), so this shell listens with addEventListener.
const state = createState(new ELK(), QUERIES, () => performance.now());
self.addEventListener('message', (e: MessageEvent<Request>) => void handle(state, e.data).then((r) => self.postMessage(r)));
