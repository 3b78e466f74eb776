// Process-chain runner: failure messages, broken pipes, deadlines, aborts and missing binaries.

import { describe, expect, it } from 'vitest';
import { PipelineError, runPipeline, type Stage } from '../../../../server/transcode/run-pipeline.ts';

const sh = (name: string, script: string): Stage => ({ name, command: 'sh', args: ['-c', script] });

async function failure(promise: Promise<void>): Promise<PipelineError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return error as PipelineError;
}

describe('runPipeline', () => {
  it('resolves when every stage exits 0 and pipes data through', async () => {
    await runPipeline([sh('producer', 'echo hello'), sh('consumer', 'read line; [ "$line" = hello ]')], {
      timeoutMs: 5000,
    });
  });

  it('quotes the last stderr lines of the stage that failed', async () => {
    const error = await failure(
      runPipeline([sh('producer', 'echo one >&2; echo two >&2; exit 3'), sh('consumer', 'cat > /dev/null')], {
        timeoutMs: 5000,
      }),
    );
    expect(error.kind).toBe('failed');
    expect(error.message).toBe('producer exited with code 3: one / two');
  });

  it('does not hang when the consumer dies while the producer is still writing', async () => {
    const started = performance.now();
    const error = await failure(
      runPipeline([{ name: 'yes', command: 'yes', args: [] }, sh('consumer', 'echo bad input >&2; exit 2')], {
        timeoutMs: 20_000,
      }),
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(error.message).toMatch(/^consumer exited with code 2: bad input/);
  });

  it('kills the chain at the deadline', async () => {
    const started = performance.now();
    const error = await failure(runPipeline([sh('sleeper', 'sleep 30')], { timeoutMs: 300 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('sleeper timed out after 0.3 s');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('kills the chain when aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(
      runPipeline([sh('a', 'sleep 30'), sh('b', 'cat')], { timeoutMs: 20_000, signal: controller.signal }),
    );
    expect(error.kind).toBe('aborted');
  });

  it('reports a binary that cannot be started', async () => {
    const error = await failure(
      runPipeline([{ name: 'ghost', command: '/nonexistent/ghost', args: [] }], { timeoutMs: 5000 }),
    );
    expect(error.message).toMatch(/^ghost could not be started \(.*ENOENT/);
  });
});
