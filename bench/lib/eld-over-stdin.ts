// The event-loop delay monitor a benchmark child process runs (perf_hooks.monitorEventLoopDelay,
// 1 ms resolution), turned on and off over stdin, one command a line: "eld start" (reset and
// enable), "eld stop" (disable and print "ELD <json>", in milliseconds). `onEnd` runs when stdin ends.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

export function serveEldOverStdin(onEnd: () => void): { disable(): void } {
  // 1 ms resolution: the timer fires every millisecond, so a block of N ms shows as a delay of ~N ms.
  const eld = monitorEventLoopDelay({ resolution: 1 });
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    if (line === 'eld start') {
      eld.reset();
      eld.enable();
    } else if (line === 'eld stop') {
      eld.disable();
      const ms = (ns: number) => ns / 1e6;
      const report = {
        samples: eld.count,
        p50: ms(eld.percentile(50)),
        p99: ms(eld.percentile(99)),
        max: ms(eld.max),
        mean: ms(eld.mean),
      };
      process.stdout.write(`ELD ${JSON.stringify(report)}\n`);
    }
  });
  lines.on('close', onEnd);
  return { disable: () => eld.disable() };
}
