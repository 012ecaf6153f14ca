/**
 * One line of the error summary. `label` is the field's visible label (or legend). A message that
 * already names the field is shown as it is ("My strengths must be 2000 characters or fewer", not
 * "My strengths: My strengths must…", nor "Carer’s email address: Enter an email address"); otherwise the label says which field it is about.
 */
export function summaryLine(label: string | undefined, message: string): string {
  if (!label) return message;
  const name = label.replace(/\s*\(optional\)\s*$/i, '').trim();
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9’' ]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const said = ` ${words(message)} `;
  // The label, or its last words ("email address" of "Carer’s email address"), already in the message.
  const named = words(name).split(' ');
  for (let start = 0; start <= named.length - Math.min(2, named.length); start++) {
    if (said.includes(` ${named.slice(start).join(' ')} `)) return message;
  }
  return name.endsWith('?') ? `${name} ${message}` : `${name}: ${message}`;
}
