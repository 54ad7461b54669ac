// Fills `{{name}}` slots of rule messages and rewrites.
export function renderTemplate(template: string, vars: Record<string, string | undefined>): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : value;
  });
}

/** The `{{name}}` slots a template uses. */
export function templateSlots(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]!);
}
