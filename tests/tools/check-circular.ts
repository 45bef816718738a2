// npm run check:circular: fails when source files, or lib/ folders, import each other in a cycle.
import { cyclesIn, fileGraph, folderGraph } from './import-cycles';

const files = fileGraph();
const cycles = [...cyclesIn(files), ...cyclesIn(folderGraph(files))];
for (const c of cycles) console.error(`import cycle: ${c.join(' -> ')}`);
console.log(cycles.length ? `${cycles.length} import cycle(s)` : 'no import cycles between files or lib/ folders');
process.exit(cycles.length ? 1 : 0);
