/** A path inside carenav to go back to after a form, never another site (open redirects). */
export function safePath(value: string | undefined, fallback: string): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : fallback;
}
