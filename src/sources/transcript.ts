// Chat transcripts in plain text and Markdown: which lines start speaker turns, where each turn's body is, who is on which side.
//
// A file is a transcript only when its structure says so (see `transcriptTurns`); a normal reply
// with "Note: …", "Step 1: …", "PS: …", "10:30" or "https://…" stays a reply. Every pattern is
// matched against one line (most against a bounded prefix of it) and each line is visited a
// fixed number of times, so the work is linear in the file size whatever the lines contain.

export interface Turn {
  /** file offsets of the turn's body: the words after "Name:" up to the end of the turn
   *  (continuation lines included, the speaker label excluded) */
  start: number;
  end: number;
  /** the speaker as written ("Sam (Support)", "Customer", "Agent") */
  speaker: string;
  /** decided from the label and `agents`: agent turns are linted, customer turns are not */
  role: 'agent' | 'customer';
  /** how the body is written: 'markdown' for Markdown transcripts, 'text' for plain ones and for
   *  bodies inside a fenced `text` block */
  content: 'text' | 'markdown';
  /** turns with the same key belong to one conversation (a `## heading` or a "Chat started"
   *  header starts a new one in Markdown/plain files; a single chat file is one conversation) */
  conversation: string;
}

type Role = Turn['role'];

/** Words that put a label on the support side (besides the caller's `agents`). Checked before the
 *  customer words, so "Customer Service" and "Team Member" are agents. */
const AGENT_WORDS = [
  'agent', 'support', 'bot', 'chatbot', 'admin', 'administrator', 'operator', 'rep', 'representative',
  'staff', 'assistant', 'advisor', 'adviser', 'team', 'helpdesk', 'help desk', 'customer service',
  'customer care', 'customer success',
];
const CUSTOMER_WORDS = ['customer', 'visitor', 'user', 'client', 'guest', 'buyer', 'requester', 'end user', 'member'];

/**
 * First words of labels that are field names or asides, never speakers: "Note:", "Step 1:",
 * "PS:", quoted e-mail headers ("From:", "Sent:"), form fields ("Order:"), log lines ("Error:").
 */
const NOT_SPEAKERS = new Set([
  'note', 'notes', 'nb', 'n b', 'ps', 'pps', 'p s', 'step', 'tip', 'hint', 'warning', 'caution', 'important',
  'update', 'edit', 'example', 'e g', 'i e', 'summary', 'issue', 'outcome', 'result', 'reason',
  'subject', 're', 'fwd', 'fw', 'from', 'to', 'cc', 'bcc', 'date', 'sent', 'time', 'when', 'where',
  'email', 'e mail', 'phone', 'tel', 'fax', 'mobile', 'web', 'website', 'url', 'link', 'name',
  'order', 'ticket', 'reference', 'ref', 'total', 'price', 'amount', 'address', 'account', 'plan',
  'status', 'next', 'use', 'expected', 'actual', 'attachment', 'attachments', 'error', 'info', 'debug',
]);

// Timestamps before a name: "[10:42]", "(10:43:02 AM)", "10:42", "[2024-05-01 10:42]".
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?`;
const DATE = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})`;
const STAMP = String.raw`(?:${DATE}[ T,]\s?)?${TIME}`;
const STAMP_PREFIX = String.raw`(?:\[${STAMP}\][ \t]*|\(${STAMP}\)[ \t]*|${STAMP}[ \t]+(?:[-–][ \t]+)?)`;
/**
 * A speaker label at the very start of a line: "Name:", "**Name:**" or "**Name**:", after an
 * optional timestamp, followed by a space or the end of the line. The name cannot hold a colon,
 * so there is one place it can end: no backtracking beyond its bounded length.
 */
const LABEL = new RegExp(
  String.raw`^(?:${STAMP_PREFIX})?(?:\*\*([^:*\n]{1,48})(?::\*\*|\*\*:)|([^:*[\]<>\n]{1,48}):)(?=[ \t]|$)`,
  'u',
);
/** skillrecordings' shape: "**Question**" / "**Answer**" alone on a line, the body in a fence below. */
const QUESTION_ANSWER = /^\*\*(question|answer):?\*\*:?[ \t]*$/i;
/** A name as people write them: "Dana", "Sam Lee", "dana_92", "Sam (Support)", "Agent 2". */
const NAME = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} .'’&_@-]*?(?:[ \t]*\(([\p{L}\p{M}\p{N} .'’&_@/-]{1,30})\))?$/u;
const MAX_NAME_LENGTH = 40;
const MAX_NAME_WORDS = 4;
/** The longest line prefix a label or header pattern needs to see. */
const PREFIX_LENGTH = 200;

// Header and metadata lines: not turns and not prose; they end the turn before them.
const CONVERSATION_START = [
  /^(?:live\s+)?(?:chat|conversation|session)\s+(?:started|starts|began|begins|opened|transcript|history|log)\b/i,
  /^conversation\s+with\b/i,
  /^transcript\b/i,
];
const CONVERSATION_END = /^(?:chat|conversation|session)\s+(?:ended|ends|closed|finished)\b/i;
const SYSTEM_EVENT = [
  /^[^:\n]{1,60}?\s(?:has\s+)?(?:joined|left|entered|exited)\s+(?:the\s+)?(?:chat|conversation|room)\b/i,
  /^(?:chat|conversation)\s+(?:transferred|assigned|reassigned)\b/i,
];
/** Inside a banner ("=== Chat 2 ==="), these words open a conversation. */
const BANNER_START = /^(?:chat|conversation|session|transcript)\b/i;
const BANNER_CHARS = '-=*~';
const TIMESTAMP_LINE = new RegExp(String.raw`^\[?(?:${DATE}(?:[ T,]+${TIME})?|${TIME})\]?(?:\s*[A-Z]{2,5})?$`);
const MAX_TIMESTAMP_LINE = 40;
const HEADING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
/** Fences whose content is plain text: the body inside is read as text, not Markdown. */
const TEXT_FENCES = new Set(['', 'text', 'txt', 'plain', 'plaintext']);

/** What one line is, as far as turns are concerned. */
type Mark =
  | { kind: 'label'; lineStart: number; next: number; bodyStart: number; restEmpty: boolean; speaker: string; key: string; roleLabel: boolean; fixedRole?: Role; contentBefore: boolean }
  | { kind: 'boundary'; lineStart: number; next: number; conversation?: string; contentBefore: boolean }
  | { kind: 'fence-open'; lineStart: number; next: number; textual: boolean; contentBefore: boolean }
  | { kind: 'fence-close'; lineStart: number; next: number; contentBefore: boolean };
type LabelMark = Extract<Mark, { kind: 'label' }>;

interface Vocabulary {
  /** normalised phrases that make a label an agent */
  agent: string[];
  /** every normalised role phrase, for the "does this label name a role" test */
  roles: string[];
}

/**
 * The speaker turns of a chat transcript, or undefined when the text is not one.
 *
 * A text is a transcript when:
 * - at least two lines start turns: a speaker label ("Name:", "[10:42] Name:", "**Name:**",
 *   "**Name**:", "**Question**"/"**Answer**") at the start of the line, the name short (at most
 *   four words and 40 characters, optionally "(Role)"), not a field word ("Note", "Step 1", "PS",
 *   "From"…). A label counts as a speaker when it names a role (a role word as its last word or in
 *   its parentheses: "Agent", "Acme Support", "Sam (Support)", "Customer") or occurs twice;
 * - the speakers include a role label, or two speakers each take at least two turns and the
 *   speaker changes at least twice (a real exchange, not a repeated field);
 * - nothing before the first turn is prose: only blank lines, headings, front matter, header and
 *   metadata lines ("Chat started: …", "--- Chat ended ---") and "Key: value" lines.
 *
 * Lines indented or quoted (">") never start turns: they continue the turn above, like quoted
 * e-mail. `> **Agent:**` is therefore not a turn either: a blockquote quotes a message inside a
 * document, and its body would not be one span of the file. "Me:"/"Them:" are names, not role
 * words: they make a transcript only by alternating, and the roles then follow `assignRoles`.
 * Turns before any heading or "Chat started" header belong to the conversation "(untitled)".
 */
export function transcriptTurns(text: string, format: 'text' | 'markdown', agents: string[]): Turn[] | undefined {
  const vocabulary = buildVocabulary(agents);
  const { marks, contentAtEnd } = scanLines(text, format, new LabelReader(vocabulary));

  const counts = new Map<string, number>();
  for (const mark of marks) {
    if (mark.kind === 'label') counts.set(mark.key, (counts.get(mark.key) ?? 0) + 1);
  }
  const isSpeaker = (mark: LabelMark): boolean => mark.roleLabel || (counts.get(mark.key) ?? 0) >= 2;

  const drafts = buildTurns(text, format, marks, contentAtEnd, isSpeaker);
  if (drafts === undefined || drafts.length < 2) return undefined;
  if (!drafts.some((turn) => turn.label.roleLabel) && !alternates(drafts)) return undefined;

  const roles = assignRoles(drafts, vocabulary);
  return drafts.map((draft) => ({
    start: draft.start,
    end: draft.end,
    speaker: draft.label.speaker,
    role: roles.get(draft) as Role,
    content: draft.content,
    conversation: draft.conversation,
  }));
}

/** Lower case, words separated by single spaces: "Sam (Support)" → "sam support", "End-user" → "end user". */
function normalise(label: string): string {
  return label.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ').trim();
}

function containsPhrase(normalised: string, phrase: string): boolean {
  return phrase !== '' && ` ${normalised} `.includes(` ${phrase} `);
}

function buildVocabulary(agents: string[]): Vocabulary {
  const agent = [...AGENT_WORDS, ...agents.map(normalise)].filter((phrase) => phrase !== '');
  return { agent, roles: [...agent, ...CUSTOMER_WORDS] };
}

/**
 * Whether a label names a role rather than a field: the role word is the whole label, its last word
 * ("Acme Support", "Agent 2" — a trailing number is ignored) or inside its parentheses. "Customer
 * impact" and "Customer details" are fields.
 */
function namesRole(main: string, parenthetical: string | undefined, vocabulary: Vocabulary): boolean {
  const words = normalise(main).replace(/(?: \d+)+$/, '');
  if (vocabulary.roles.some((phrase) => ` ${words}`.endsWith(` ${phrase}`))) return true;
  const inside = parenthetical === undefined ? '' : normalise(parenthetical);
  return vocabulary.roles.some((phrase) => containsPhrase(inside, phrase));
}

type LabelInfo = Pick<LabelMark, 'speaker' | 'key' | 'roleLabel' | 'fixedRole'>;

/** Reads speaker labels; what a name means is worked out once per distinct name (a chat repeats a few). */
class LabelReader {
  private readonly names = new Map<string, LabelInfo | null>();

  constructor(private readonly vocabulary: Vocabulary) {}

  /** The speaker label at the start of a line, or undefined. */
  read(line: string, lineStart: number): (LabelInfo & { bodyStart: number }) | undefined {
    const questionAnswer = QUESTION_ANSWER.exec(line);
    const match = questionAnswer ?? LABEL.exec(line);
    if (!match) return undefined;
    const bold = questionAnswer !== null || match[1] !== undefined;
    const raw = (match[1] ?? match[2] ?? '').trim();
    const cacheKey = `${bold ? '*' : ' '}${raw}`;
    let info = this.names.get(cacheKey);
    if (info === undefined) {
      info = this.interpret(raw, bold) ?? null;
      this.names.set(cacheKey, info);
    }
    return info === null ? undefined : { ...info, bodyStart: lineStart + match[0].length };
  }

  private interpret(speaker: string, bold: boolean): LabelInfo | undefined {
    if (speaker.length > MAX_NAME_LENGTH) return undefined;
    const name = NAME.exec(speaker);
    if (!name) return undefined;
    const parenthetical = name[1];
    const main = parenthetical === undefined ? speaker : speaker.slice(0, speaker.lastIndexOf('(')).trim();
    if (!/\p{L}/u.test(main) || main.split(/\s+/).length > MAX_NAME_WORDS) return undefined;
    const words = normalise(main);
    if (NOT_SPEAKERS.has(words) || NOT_SPEAKERS.has(words.split(' ')[0] as string)) return undefined;
    const key = normalise(speaker);
    if (bold && (key === 'question' || key === 'answer')) {
      return { speaker, key, roleLabel: true, fixedRole: key === 'question' ? 'customer' : 'agent' };
    }
    return { speaker, key, roleLabel: namesRole(main, parenthetical, this.vocabulary) };
  }
}

/** A header or metadata line: returns the conversation it opens ('' for none), or undefined for other lines. */
function readHeader(line: string, fullLength: number): string | undefined {
  if (CONVERSATION_START.some((pattern) => pattern.test(line))) return line.trim();
  if (CONVERSATION_END.test(line) || SYSTEM_EVENT.some((pattern) => pattern.test(line))) return '';
  if (fullLength <= MAX_TIMESTAMP_LINE && TIMESTAMP_LINE.test(line.trim())) return '';
  return undefined;
}

/**
 * "--- Chat ended ---", "=== Chat 2 ===", "*** Dana joined ***", "-----": at least three banner
 * characters at both ends (two stars are Markdown bold). Returns the conversation the banner opens
 * ('' for none), or undefined when the line is no banner. Reads the line's two ends only.
 */
function readBanner(text: string, lineStart: number, lineEnd: number): string | undefined {
  let end = lineEnd;
  while (end > lineStart && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end - lineStart < 3) return undefined;
  for (let i = 0; i < 3; i++) {
    if (!BANNER_CHARS.includes(text.charAt(lineStart + i)) || !BANNER_CHARS.includes(text.charAt(end - 1 - i))) return undefined;
  }
  let innerStart = lineStart;
  while (innerStart < end && (BANNER_CHARS.includes(text.charAt(innerStart)) || isSpaceCode(text.charCodeAt(innerStart)))) innerStart++;
  let innerEnd = end;
  while (innerEnd > innerStart && (BANNER_CHARS.includes(text.charAt(innerEnd - 1)) || isSpaceCode(text.charCodeAt(innerEnd - 1)))) innerEnd--;
  if (innerEnd - innerStart > PREFIX_LENGTH) return '';
  const inner = text.slice(innerStart, innerEnd);
  if (inner === '' || CONVERSATION_END.test(inner) || SYSTEM_EVENT.some((pattern) => pattern.test(inner))) return '';
  return BANNER_START.test(inner) ? inner : '';
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 0xa0;
}

/** Heading text without the #s (closing #s dropped as CommonMark does), scanning the line once. */
function headingTitle(text: string, contentStart: number, lineEnd: number): string {
  let end = lineEnd;
  while (end > contentStart && isSpaceCode(text.charCodeAt(end - 1))) end--;
  let hashes = end;
  while (hashes > contentStart && text.charCodeAt(hashes - 1) === 35) hashes--;
  if (hashes < end && (hashes === contentStart || isSpaceCode(text.charCodeAt(hashes - 1)))) end = hashes;
  return text.slice(contentStart, end).trim();
}

/**
 * One pass over the lines: every line that can start or end a turn becomes a mark; `contentBefore`
 * says whether non-blank lines that are none of these (prose, or code inside a fence) came since
 * the previous mark.
 */
function scanLines(text: string, format: 'text' | 'markdown', labels: LabelReader): { marks: Mark[]; contentAtEnd: boolean } {
  const marks: Mark[] = [];
  let content = false;
  let fence: { char: string; length: number } | undefined;
  let frontMatter = false;
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let first = true;

  while (lineStart <= text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && text.charCodeAt(lineEnd) !== 13) lineEnd++;
    let next = lineEnd;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10 && next < text.length) next++;
    if (next === lineEnd) next = lineEnd + 1; // the last line: step past the end to stop

    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + PREFIX_LENGTH));
    const blank = line.trim() === '' && (lineEnd - lineStart <= PREFIX_LENGTH || text.slice(lineStart, lineEnd).trim() === '');
    const add = (mark: Mark): void => {
      marks.push(mark);
      content = false;
    };

    if (format === 'markdown' && first && line.trimEnd() === '---' && opensFrontMatter(text, next)) {
      frontMatter = true;
    } else if (frontMatter) {
      if (line.trimEnd() === '---' || line.trimEnd() === '...') frontMatter = false;
    } else if (fence) {
      if (isFenceClose(text.slice(lineStart, lineEnd), fence)) {
        add({ kind: 'fence-close', lineStart, next, contentBefore: content });
        fence = undefined;
      } else if (!blank) content = true;
    } else if (blank || (format === 'markdown' && isHtmlComment(text, lineStart, lineEnd))) {
      // Blank lines and comments neither end a turn nor count as prose.
    } else {
      const mark = classify(text, format, labels, line, lineStart, lineEnd, next, content);
      if (mark) {
        add(mark);
        if (mark.kind === 'fence-open') {
          const opener = FENCE.exec(line)?.[1] as string;
          fence = { char: opener.charAt(0), length: opener.length };
        }
      } else content = true;
    }
    first = false;
    lineStart = next;
  }
  return { marks, contentAtEnd: content };
}

function classify(
  text: string,
  format: 'text' | 'markdown',
  labels: LabelReader,
  line: string,
  lineStart: number,
  lineEnd: number,
  next: number,
  contentBefore: boolean,
): Mark | undefined {
  if (format === 'markdown') {
    const heading = HEADING.exec(line);
    if (heading) {
      const conversation = headingTitle(text, lineStart + heading[0].length, lineEnd);
      return { kind: 'boundary', lineStart, next, conversation, contentBefore };
    }
    const fence = FENCE.exec(line);
    if (fence && !(fence[1]?.startsWith('`') && fence[2]?.includes('`'))) {
      const info = (fence[2] ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      return { kind: 'fence-open', lineStart, next, textual: TEXT_FENCES.has(info), contentBefore };
    }
  }
  const header = readHeader(line, lineEnd - lineStart);
  if (header !== undefined) return { kind: 'boundary', lineStart, next, conversation: header || undefined, contentBefore };
  const label = labels.read(line, lineStart);
  if (label) {
    const rest = text.slice(label.bodyStart, Math.min(lineEnd, label.bodyStart + PREFIX_LENGTH));
    const restEmpty = rest.trim() === '' && (lineEnd - label.bodyStart <= PREFIX_LENGTH || text.slice(label.bodyStart, lineEnd).trim() === '');
    return { kind: 'label', lineStart, next, restEmpty, contentBefore, ...label };
  }
  const banner = readBanner(text, lineStart, lineEnd);
  if (banner !== undefined) return { kind: 'boundary', lineStart, next, conversation: banner || undefined, contentBefore };
  return undefined;
}

/**
 * Whether the "---" opening a Markdown file starts YAML front matter: a closing "---" or "..."
 * comes before any line that YAML could not hold. skillrecordings' files open with "---" and then
 * "**Customer:**", which is a separator and a turn, not front matter.
 */
function opensFrontMatter(text: string, from: number): boolean {
  const lines = /([^\r\n]*)(?:\r\n?|\n|$)/y;
  lines.lastIndex = from;
  while (lines.lastIndex < text.length) {
    const line = (lines.exec(text)?.[1] ?? '').trimEnd();
    if (line === '---' || line === '...') return true;
    if (!/^(?:[\p{L}_][\p{L}\p{N}_ .-]*:(?:[ \t].*)?|[ \t-].*|#.*|)$/u.test(line)) return false;
  }
  return false;
}

function isFenceClose(line: string, fence: { char: string; length: number }): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1]?.charAt(0) === fence.char && (match[1]?.length ?? 0) >= fence.length;
}

function isHtmlComment(text: string, lineStart: number, lineEnd: number): boolean {
  const line = text.slice(lineStart, lineEnd).trim();
  return line.startsWith('<!--') && line.endsWith('-->');
}

interface DraftTurn {
  label: LabelMark;
  start: number;
  end: number;
  content: Turn['content'];
  conversation: string;
}

/**
 * Marks → turns. Returns undefined when prose comes before the first turn. A turn runs from its
 * label to the next speaker label, heading, header or banner; its body is trimmed of surrounding
 * white space. A label line with nothing after it, followed by one plain-text fence and nothing
 * else, has the fence's content as its body (skillrecordings' shapes).
 */
function buildTurns(
  text: string,
  format: 'text' | 'markdown',
  marks: Mark[],
  contentAtEnd: boolean,
  isSpeaker: (mark: LabelMark) => boolean,
): DraftTurn[] | undefined {
  const turns: DraftTurn[] = [];
  const conversations = new ConversationKeys();
  let conversation = conversations.open('(untitled)');
  let current: { label: LabelMark; conversation: string; inside: Mark[] } | undefined;
  let started = false;

  const close = (end: number, contentAfter: boolean): void => {
    if (!current) return;
    turns.push({ label: current.label, conversation: current.conversation, ...turnBody(text, format, current.label, current.inside, end, contentAfter) });
    current = undefined;
  };

  for (const mark of marks) {
    const speaker = mark.kind === 'label' && isSpeaker(mark);
    if (!started) {
      // Before the first turn only headers, headings and "Key: value" lines may appear.
      if (mark.contentBefore || mark.kind === 'fence-open' || mark.kind === 'fence-close') return undefined;
      if (mark.kind === 'label' && !speaker) continue;
    }
    if (mark.kind === 'label' && speaker) {
      close(mark.lineStart, mark.contentBefore);
      current = { label: mark, conversation, inside: [] };
      started = true;
    } else if (mark.kind === 'boundary') {
      close(mark.lineStart, mark.contentBefore);
      if (mark.conversation !== undefined) conversation = conversations.open(mark.conversation);
    } else {
      current?.inside.push(mark);
    }
  }
  if (!started) return undefined;
  close(text.length, contentAtEnd);
  return turns;
}

/** Conversation keys: the heading or header text, numbered when it repeats ("Example", "Example (2)"). */
class ConversationKeys {
  private readonly seen = new Map<string, number>();

  open(title: string): string {
    const base = title === '' ? '(untitled)' : title;
    const count = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  }
}

function turnBody(
  text: string,
  format: 'text' | 'markdown',
  label: LabelMark,
  inside: Mark[],
  end: number,
  contentAfter: boolean,
): Pick<DraftTurn, 'start' | 'end' | 'content'> {
  const [open, shut] = inside;
  const fenced =
    label.restEmpty &&
    inside.length === 2 &&
    open?.kind === 'fence-open' &&
    open.textual &&
    !open.contentBefore &&
    shut?.kind === 'fence-close' &&
    !contentAfter;
  if (fenced) return { ...trimmed(text, open.next, shut.lineStart), content: 'text' };
  return { ...trimmed(text, label.bodyStart, end), content: format === 'markdown' ? 'markdown' : 'text' };
}

/** [start, end) without leading and trailing white space; an empty body sits at `start`. */
function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = Math.max(start, end);
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  return s === e ? { start, end: start } : { start: s, end: e };
}

/** Two speakers with two turns each, and the speaker changes at least twice. */
function alternates(turns: DraftTurn[]): boolean {
  const counts = new Map<string, number>();
  let changes = 0;
  turns.forEach((turn, i) => {
    counts.set(turn.label.key, (counts.get(turn.label.key) ?? 0) + 1);
    if (i > 0 && turns[i - 1]?.label.key !== turn.label.key) changes++;
  });
  return changes >= 2 && [...counts.values()].filter((count) => count >= 2).length >= 2;
}

/**
 * Who is the agent, in this order:
 * 1. The label: "**Question**" is the customer and "**Answer**" the agent; a label holding an agent
 *    word or one of `agents` (whole words, also inside parentheses: "Sam (Support)") is an agent;
 *    one holding a customer word is a customer.
 * 2. Per conversation, when the speakers already decided are all on one side, the undecided ones
 *    are on the other ("Dana" talking to "Sam (Support)" is the customer).
 * 3. Otherwise an undecided speaker who opens the conversation is the customer — chats start with
 *    the customer — and any other undecided speaker is on the support side.
 * A role inferred in one conversation holds in the later ones.
 */
function assignRoles(turns: DraftTurn[], vocabulary: Vocabulary): Map<DraftTurn, Role> {
  const decided = new Map<string, Role>();
  const read = new Set<string>();
  for (const { label } of turns) {
    if (read.has(label.key)) continue;
    read.add(label.key);
    const role = label.fixedRole ?? roleFromWords(label.key, vocabulary);
    if (role) decided.set(label.key, role);
  }

  const byConversation = new Map<string, DraftTurn[]>();
  for (const turn of turns) {
    const group = byConversation.get(turn.conversation);
    if (group) group.push(turn);
    else byConversation.set(turn.conversation, [turn]);
  }
  for (const group of byConversation.values()) {
    const speakers = [...new Set(group.map((turn) => turn.label.key))];
    const undecided = speakers.filter((key) => !decided.has(key));
    if (undecided.length === 0) continue;
    const sides = new Set(speakers.flatMap((key) => decided.get(key) ?? []));
    const [side] = sides;
    for (const key of undecided) {
      if (sides.size === 1) decided.set(key, side === 'agent' ? 'customer' : 'agent');
      else decided.set(key, key === speakers[0] ? 'customer' : 'agent');
    }
  }

  return new Map(turns.map((turn) => [turn, decided.get(turn.label.key) as Role]));
}

function roleFromWords(key: string, vocabulary: Vocabulary): Role | undefined {
  if (vocabulary.agent.some((phrase) => containsPhrase(key, phrase))) return 'agent';
  if (CUSTOMER_WORDS.some((phrase) => containsPhrase(key, phrase))) return 'customer';
  return undefined;
}
