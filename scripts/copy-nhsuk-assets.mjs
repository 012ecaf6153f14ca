// Serves the NHS.UK frontend stylesheet and its images as static files. Next's CSS pipeline
// (Turbopack/lightningcss) cannot parse some of the stylesheet's hacks, so it is linked, not imported.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const dist = 'node_modules/nhsuk-frontend/dist/nhsuk';
mkdirSync('public/nhsuk', { recursive: true });
// The Frutiger web font is loaded from an NHS CDN; dropping it keeps every request on our own origin
// (no third party learns who uses carenav, and it works offline). The stylesheet falls back to Arial.
const css = readFileSync(`${dist}/nhsuk-frontend.min.css`, 'utf8').replace(/@font-face\{[^}]*assets\.nhs\.uk[^}]*\}/g, '');
writeFileSync('public/nhsuk/nhsuk-frontend.min.css', css);
// The stylesheet refers to its icons at /assets/images/.
cpSync(`${dist}/assets`, 'public/assets', { recursive: true });
