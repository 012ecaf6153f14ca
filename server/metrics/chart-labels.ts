/**
 * Labels on the measures' charts. The server writes each point's label as dates are written
 * everywhere in carenav ("2 Feb 2026", `formatDate`); the chart shortens and wraps them to fit its
 * axis. Plain functions, so the browser's chart and the tests share them.
 */

/** A date label without its year, for a chart's axis: "2 Feb 2026" → "2 Feb". Other labels are left as they are. */
export const shortDateLabel = (label: string) => label.replace(/^(\d{1,2} [A-Z][a-z]{2}) \d{4}$/, '$1');

/**
 * A label broken into lines of at most `maxChars` characters, at spaces (a longer word stays whole
 * on a line of its own), so every bar of a bar chart can be named under it. Never an empty line.
 */
export function wrapLabel(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
