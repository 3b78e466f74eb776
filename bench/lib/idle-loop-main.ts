// Child-process entry for the search benchmark's control: a Node process that does nothing but
// measure its own event-loop delay (eld-over-stdin.ts). What it sees in a window is the machine's
// scheduling noise (other processes taking the cores), not any work of ours. Prints "READY idle".
import { serveEldOverStdin } from './eld-over-stdin.ts';

const eld = serveEldOverStdin(() => {
  eld.disable();
  process.exit(0);
});
process.stdout.write('READY idle\n');
