// `npm run test:reference` starts here: without shared/ beside the checkout the reference checks cannot
// run, and that must fail loudly (exit 2, one line) rather than pass by checking nothing.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const shared = path.resolve(__dirname, '..', '..', '..', 'shared');
const needed = ['schemas/adaptive-card-1.5.schema.json', 'run-history-samples'];
const missing = needed.filter((p) => !fs.existsSync(path.join(shared, p)));
if (missing.length > 0) {
  process.stderr.write(
    `test:reference needs the reference data in ${shared} (missing: ${missing.join(', ')}); it is not part of the repository\n`,
  );
  process.exit(2);
}
