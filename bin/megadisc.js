#!/usr/bin/env node
// Entry point of the `megadisc` command. Plain JS so that npm can link it; the CLI itself is TypeScript.

// node:sqlite is stable in practice but still flagged experimental on Node 22; keep other warnings.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /SQLite/i.test(warning.message)) return;
  process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  process.stderr.write(
    `megadisc needs Node >= 22.13 (this is ${process.version}); run it with npx or npm run.\n`,
  );
  process.exit(1);
}

const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
