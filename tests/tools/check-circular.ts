// npm run check:circular: fails when source files import each other in a cycle.
import { cyclesIn, fileGraph } from './import-cycles';

const cycles = cyclesIn(fileGraph());
for (const c of cycles) console.error(`import cycle: ${c.join(' -> ')}`);
console.log(cycles.length ? `${cycles.length} import cycle(s)` : 'no import cycles');
process.exit(cycles.length ? 1 : 0);
