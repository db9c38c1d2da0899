/** `npm run train`: see scripts/train/cli.ts for the options and exit codes. */
import { runTrainCli } from './train/cli';

runTrainCli(process.argv.slice(2), console.log, console.error).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
