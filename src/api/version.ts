// replylint's own version, from package.json. This module sits two folders below the package
// root in every build (dist/api/, and the bundles in dist/bundle/), so one relative path serves all.
import { readFileSync } from 'node:fs';

export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
