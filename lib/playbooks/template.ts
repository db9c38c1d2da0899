/**
 * Fill `{variable}` placeholders. Output is plain text for textContent, never
 * HTML; unknown variables are left visible ("{agent}") so a manager sees the
 * gap in a preview instead of a silent blank.
 */
export function renderTemplate(template: string, variables: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{([a-zA-Z][a-zA-Z0-9_]*)\}/g, (whole, name: string) => {
    const value = variables[name];
    return value === undefined || value === '' ? whole : value;
  });
}

/** The variables a template uses, for editors and validation. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([a-zA-Z][a-zA-Z0-9_]*)\}/g)].map((m) => m[1]!))];
}
