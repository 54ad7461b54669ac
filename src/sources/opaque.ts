// The stand-in for text that is not prose but sits inside a sentence (inline code, a URL,
// later template placeholders): one word that no rule matches, so the sentence still parses.
export const OPAQUE_TOKEN = 'Placeholder';
