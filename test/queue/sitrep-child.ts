/**
 * Runs the sitrep CLI from the TypeScript sources in a child process (worker process tests).
 * Usage: node --import tsx test/queue/sitrep-child.ts worker --db ... [flags]
 */
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv);
