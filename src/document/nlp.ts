// compromise is ~0.4 s to load: it is imported once, and only when a sentence needs tags.
export type Nlp = typeof import('compromise/two').default;

let nlp: Nlp | undefined;
let loading: Promise<Nlp> | undefined;

export async function ensureNlp(): Promise<Nlp> {
  if (nlp) return nlp;
  loading ??= import('compromise/two').then((m) => {
    m.default.addWords(SUPPORT_AGENTS);
    m.default.addWords(NOT_AGENTS);
    return (nlp = m.default);
  });
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

// Mass nouns and words whose plural means something else ("your finances", "lots of", "posts").
const NO_PLURAL = new Set(['lot', 'post', 'finance', 'billing', 'fulfilment', 'fulfillment', 'management',
  'storage', 'cloud', 'engineering', 'upstairs', 'software', 'firmware', 'staff', 'crew', 'network', 'hub',
  'office', 'service', 'host']);

function plural(word: string): string {
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(x|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/**
 * Words compromise tags as people by role (#Actor) that, in a support reply, are the customer's own
 * family ("you and your daughter missed the train"): plain nouns here, so blame rules don't read
 * them as a third party.
 */
const NOT_AGENTS: Record<string, string> = {
  daughter: 'Singular', daughters: 'Plural', son: 'Singular', sons: 'Plural',
  wife: 'Singular', husband: 'Singular', mum: 'Singular', mom: 'Singular', dad: 'Singular', child: 'Singular',
  children: 'Plural', kid: 'Singular', kids: 'Plural',
};

/**
 * Who can be the actor of a failure in a support reply. compromise tags people by trade
 * (#Actor: courier, driver, landlord) and companies it knows (#Organization: FedEx, Google),
 * but not the businesses and teams that support replies blame: these words teach it that they
 * act too, so rules can say `#Actor` instead of listing every partner.
 */
const SUPPORT_AGENTS: Record<string, string> = Object.fromEntries(
  [
    'carrier', 'warehouse', 'supplier', 'vendor', 'manufacturer', 'wholesaler', 'distributor', 'reseller',
    'seller', 'merchant', 'retailer', 'marketplace', 'bank', 'issuer', 'processor', 'gateway', 'insurer',
    'underwriter', 'broker', 'airline', 'restaurant', 'kitchen', 'lab', 'laboratory', 'clinic', 'surgery',
    'hospital', 'pharmacy', 'school', 'university', 'college', 'registry', 'depot', 'hub', 'factory',
    'dispatcher', 'rider', 'shipper', 'customs', 'logistics', 'fulfilment', 'fulfillment', 'finance',
    'accounts', 'billing', 'department', 'team', 'provider', 'partner', 'contractor', 'subcontractor',
    'agency', 'operator', 'host', 'platform', 'system', 'software', 'server', 'servers', 'firmware',
    'management', 'headquarters', 'HQ', 'upstairs', 'staff', 'colleague', 'colleagues', 'adjuster', 'assessor',
    'examiner', 'landlord', 'service', 'office', 'store', 'post', 'api', 'library', 'plugin', 'network',
    'crew', 'fitters', 'installers', 'developers', 'engineers', 'engineer', 'technician', 'tutor',
    'lecturer', 'dealer', 'coworker', 'co-worker', 'rep', 'receptionist', 'advisor', 'adviser', 'concierge', 'franchise', 'studio', 'mailer', 'shop', 'lot', 'storage', 'cloud', 'letting agent', 'travel agent', 'tour operator', 'post office', 'app store',
    'admin', 'administrator', 'machine', 'installer', 'buyer', 'airport', 'authority', 'union',
    'haulier', 'hauliers', 'hotel', 'publisher', 'registrar', 'venue', 'council', 'developer', 'engineering',
    'postman', 'postie', 'delivery guy', 'delivery guys', 'delivery man', 'delivery person',
    'company', 'call centre', 'call center', 'contact centre', 'contact center', 'meter reader', 'shipping line',
  ]
    // They act in the plural too ("the banks", "the carriers", "both companies"): compromise does
    // not inflect added words, so each one-word agent brings its plural.
    .flatMap((w) => (/^[a-z]+$/.test(w) && !/s$/.test(w) && !NO_PLURAL.has(w) ? [w, plural(w)] : [w]))
    .map((w) => [w, 'Actor']),
);
