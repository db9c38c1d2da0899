/**
 * Fill `{variable}` placeholders. Output is plain text for textContent, never
 * HTML. A `[[ … ]]` segment is optional: it is dropped whole when any variable
 * in it is unknown or empty (so "thank you [[for {tenure} ]]with us" reads
 * well either way); outside such segments unknown variables are left visible
 * ("{agent}") so a manager sees the gap in a preview instead of a silent blank.
 */
const VARIABLE = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;

export function renderTemplate(template: string, variables: Readonly<Record<string, string | undefined>>): string {
  const known = (name: string) => {
    const value = variables[name];
    return value !== undefined && value !== '';
  };
  const withOptional = template.replace(OPTIONAL, (_whole, inner: string) => {
    const names = [...inner.matchAll(VARIABLE)].map((m) => m[1]!);
    return names.every(known) ? inner : '';
  });
  return withOptional
    .replace(VARIABLE, (whole, name: string) => (known(name) ? variables[name]! : whole))
    .replace(/ {2,}/g, ' ')
    .replace(/ ([,.!?;:，。！？；：])/g, '$1')
    .trim();
}

/** The variables a template uses, for editors and validation. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(VARIABLE)].map((m) => m[1]!))];
}
