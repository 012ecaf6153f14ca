// Serves the NHS.UK frontend stylesheet and its images as static files. Next's CSS pipeline
// (Turbopack/lightningcss) cannot parse some of the stylesheet's hacks, so it is linked, not imported.
import { cpSync, mkdirSync } from 'node:fs';

const dist = 'node_modules/nhsuk-frontend/dist/nhsuk';
mkdirSync('public/nhsuk', { recursive: true });
cpSync(`${dist}/nhsuk-frontend.min.css`, 'public/nhsuk/nhsuk-frontend.min.css');
// The stylesheet refers to its icons at /assets/images/.
cpSync(`${dist}/assets`, 'public/assets', { recursive: true });
