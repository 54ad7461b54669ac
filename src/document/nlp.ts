// compromise is ~0.4 s to load: it is imported once, and only when a sentence needs tags.
export type Nlp = typeof import('compromise/two').default;

let nlp: Nlp | undefined;
let loading: Promise<Nlp> | undefined;

export async function ensureNlp(): Promise<Nlp> {
  if (nlp) return nlp;
  loading ??= import('compromise/two').then((m) => (nlp = m.default));
  return loading;
}

/** The loaded module; callers must have awaited ensureNlp() first. */
export function loadedNlp(): Nlp {
  if (!nlp) throw new Error('compromise was not loaded before a pattern rule ran');
  return nlp;
}

export function isNlpLoaded(): boolean {
  return nlp !== undefined;
}
