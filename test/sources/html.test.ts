// HTML → segments: text nodes only, one segment per block, offsets that map back into the HTML.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildReplies } from '../../src/document/document.js';
import { htmlSegments, looksLikeHtml } from '../../src/sources/html.js';
import { OPAQUE_TOKEN } from '../../src/sources/opaque.js';
import type { Segment } from '../../src/types.js';

/** The source text at the mapped span of the first `needle` (from `from`) inside a segment. */
function sourceOf(html: string, segment: Segment, needle: string, from = 0): string {
  const at = segment.text.indexOf(needle, from);
  expect(at, `"${needle}" in "${segment.text}"`).toBeGreaterThanOrEqual(0);
  return html.slice(segment.toSource(at), segment.toSource(at + needle.length, 'end'));
}

function texts(html: string): string[] {
  return htmlSegments(html, 'r').map((s) => s.text);
}

describe('htmlSegments: blocks and line breaks', () => {
  it('makes one segment per paragraph and div, and maps words into them', () => {
    const html = '<p>We fixed it.</p><div>Please try again.</div>';
    const [p, div] = htmlSegments(html, 'reply-7');
    expect(texts(html)).toEqual(['We fixed it.', 'Please try again.']);
    expect(p!.reply).toBe('reply-7');
    expect(p!.toSource(3)).toBe(6); // "fixed"
    expect(sourceOf(html, p!, 'fixed')).toBe('fixed');
    expect(div!.toSource(0)).toBe(24);
    expect(sourceOf(html, div!, 'try again')).toBe('try again');
  });

  it('keeps one <br> as a line break standing for the tag, and ends the segment at <br><br>', () => {
    const html = '<div dir="ltr">Hi {{ticket.requester.firstname}},<br><br>I can see the charge.<br>It is refunded.<br>\n<br>Regards,<br/>{{ticket.agent.name}}</div>';
    const segments = htmlSegments(html, 'r');
    expect(segments.map((s) => s.text)).toEqual([
      'Hi {{ticket.requester.firstname}},',
      'I can see the charge.\nIt is refunded.',
      'Regards,\n{{ticket.agent.name}}',
    ]);
    const body = segments[1]!;
    const newline = body.text.indexOf('\n');
    expect(html.slice(body.toSource(newline), body.toSource(newline + 1, 'end'))).toBe('<br>');
    expect(sourceOf(html, body, 'It is refunded.')).toBe('It is refunded.');
    const sign = segments[2]!;
    expect(html.slice(sign.toSource(8), sign.toSource(9, 'end'))).toBe('<br/>');
    expect(sourceOf(html, sign, '{{ticket.agent.name}}')).toBe('{{ticket.agent.name}}');
  });

  it('drops a <br> at the start or end of a block and the space around line breaks', () => {
    const html = '<p><br>Thanks for waiting. <br>\n  We shipped it.<br></p>';
    const [segment] = htmlSegments(html, 'r');
    expect(segment!.text).toBe('Thanks for waiting.\nWe shipped it.');
    expect(segment!.toSource(20)).toBe(html.indexOf('We shipped'));
  });

  it('makes one segment per list item and table cell', () => {
    const html = '<ul><li>First step</li><li>Second <b>step</b></li></ul><table><tr><th>Plan</th><td>Pro tier</td></tr></table>';
    const segments = htmlSegments(html, 'r');
    expect(segments.map((s) => s.text)).toEqual(['First step', 'Second step', 'Plan', 'Pro tier']);
    expect(sourceOf(html, segments[1]!, 'Second step')).toBe('Second <b>step');
    expect(segments[3]!.toSource(4)).toBe(html.indexOf('tier'));
  });

  it('splits text around a block nested in an inline element', () => {
    const html = '<span>Before <p>inside</p> after</span>';
    const segments = htmlSegments(html, 'r');
    expect(segments.map((s) => s.text)).toEqual(['Before', 'inside', 'after']);
    expect(segments[2]!.toSource(0)).toBe(html.indexOf('after'));
  });

  it('unwraps the Zendesk comment wrapper', () => {
    const html = '<div class="zd-comment" dir="auto"><p dir="auto">Sorry for the wait.</p><p dir="auto">Your refund is on its way.</p></div>';
    const segments = htmlSegments(html, 'r');
    expect(segments.map((s) => s.text)).toEqual(['Sorry for the wait.', 'Your refund is on its way.']);
    expect(sourceOf(html, segments[1]!, 'refund')).toBe('refund');
    expect(segments[1]!.toSource(5)).toBe(html.indexOf('refund'));
  });
});

describe('htmlSegments: white space', () => {
  it('turns a source line break inside a paragraph into one space, so it stays one paragraph', () => {
    const html = '<p>We looked into it\n\n   and found the cause.\nIt is fixed.</p>';
    const segments = htmlSegments(html, 'r');
    expect(segments.map((s) => s.text)).toEqual(['We looked into it and found the cause. It is fixed.']);
    const segment = segments[0]!;
    expect(html.slice(segment.toSource(17), segment.toSource(18, 'end'))).toBe('\n\n   ');
    expect(html.slice(segment.toSource(38), segment.toSource(39, 'end'))).toBe('\n');
    expect(sourceOf(html, segment, 'and found')).toBe('and found');
    expect(sourceOf(html, segment, 'It is fixed.')).toBe('It is fixed.');
    expect(buildReplies(segments)[0]!.sentences.map((s) => [s.paragraph, s.text])).toEqual([
      [0, 'We looked into it and found the cause.'],
      [0, 'It is fixed.'],
    ]);
  });

  it('joins white space on both sides of a tag into one space', () => {
    const html = '<p>one\n<b>\n</b>two</p>';
    expect(texts(html)).toEqual(['one two']);
  });

  it('trims white space at the edges of blocks and keeps single spaces exact', () => {
    const html = '<p>\n    Your order   shipped.\n  </p>';
    const [segment] = htmlSegments(html, 'r');
    expect(segment!.text).toBe('Your order   shipped.');
    expect(segment!.toSource(0)).toBe(8);
    expect(segment!.toSource(10)).toBe(18);
    expect(sourceOf(html, segment!, 'shipped.')).toBe('shipped.');
  });

  it('turns &nbsp; into a space that splits words and sentences', () => {
    const html = '<p>Hi Sam,&nbsp;thanks.&nbsp;We can&nbsp;help.&nbsp;</p>';
    const segments = htmlSegments(html, 'r');
    expect(segments.map((s) => s.text)).toEqual(['Hi Sam, thanks. We can help.']);
    const segment = segments[0]!;
    expect(segment.toSource(7)).toBe(html.indexOf('&nbsp;thanks'));
    expect(sourceOf(html, segment, 'help.')).toBe('help.');
    const [reply] = buildReplies(segments);
    expect(reply!.sentences.map((s) => s.text)).toEqual(['Hi Sam, thanks.', 'We can help.']);
    expect(reply!.sentences[1]!.tokens.map((t) => t.raw)).toEqual(['We', 'can', 'help']);
  });

  it('maps words across CRLF line breaks, each of which is one space inside a paragraph', () => {
    const html = '<p>Line one\r\nline two.</p>\r\n<p>Next\r\n\r\nsame paragraph.</p>';
    const segments = htmlSegments(html, 'r');
    expect(segments.map((s) => s.text)).toEqual(['Line one line two.', 'Next same paragraph.']);
    const [first, second] = segments;
    expect(first!.toSource(8)).toBe(11); // the space stands for "\r\n"
    expect(html.slice(first!.toSource(8), first!.toSource(9, 'end'))).toBe('\r\n');
    expect(first!.toSource(9)).toBe(13);
    expect(sourceOf(html, first!, 'line two.')).toBe('line two.');
    expect(html.slice(second!.toSource(4), second!.toSource(5, 'end'))).toBe('\r\n\r\n');
    expect(sourceOf(html, second!, 'same paragraph.')).toBe('same paragraph.');
  });

  it('maps CRLF inside <pre>, where it stays a line break', () => {
    const html = '<pre>Step one.\r\nStep two.</pre>';
    const [segment] = htmlSegments(html, 'r');
    expect(segment!.text).toBe('Step one.\nStep two.');
    expect(html.slice(segment!.toSource(9), segment!.toSource(10, 'end'))).toBe('\r\n');
    expect(sourceOf(html, segment!, 'Step two.')).toBe('Step two.');
  });

  it('keeps white space as written inside <pre>, where blank lines are real', () => {
    const html = '<pre>First line\n\nSecond part</pre>';
    const [segment] = htmlSegments(html, 'r');
    expect(segment!.text).toBe('First line\n\nSecond part');
    expect(segment!.toSource(12)).toBe(html.indexOf('Second'));
  });
});

describe('htmlSegments: character references', () => {
  it('maps decoded characters to their "&" and the words around them exactly', () => {
    const html = '<p>Caf&eacute; &amp; Bar&#39;s menu &ndash; don&#x2019;t panic &quot;now&quot;.</p>';
    const [segment] = htmlSegments(html, 'r');
    expect(segment!.text).toBe('Café & Bar\'s menu – don’t panic "now".');
    expect(segment!.toSource(3)).toBe(html.indexOf('&eacute;'));
    expect(sourceOf(html, segment!, 'Café')).toBe('Caf&eacute;');
    expect(segment!.toSource(5)).toBe(html.indexOf('&amp;'));
    expect(sourceOf(html, segment!, "Bar's")).toBe('Bar&#39;s');
    expect(sourceOf(html, segment!, 'menu')).toBe('menu');
    expect(sourceOf(html, segment!, 'don’t')).toBe('don&#x2019;t');
    expect(sourceOf(html, segment!, 'panic')).toBe('panic');
    expect(sourceOf(html, segment!, 'now')).toBe('now');
    expect(sourceOf(html, segment!, '"now".')).toBe('&quot;now&quot;.');
  });

  it('handles astral, legacy and unknown references and literal ampersands', () => {
    const html = '<p>Fun &#x1F600; a&notit; &copy2024 AT&T &bogus; &AMP end</p>';
    const [segment] = htmlSegments(html, 'r');
    expect(segment!.text).toBe('Fun 😀 a¬it; ©2024 AT&T &bogus; & end');
    expect(sourceOf(html, segment!, '😀')).toBe('&#x1F600;');
    expect(sourceOf(html, segment!, 'it;')).toBe('it;'); // "&not" is the reference, "it;" is text
    expect(sourceOf(html, segment!, '2024')).toBe('2024');
    expect(sourceOf(html, segment!, 'AT&T')).toBe('AT&T');
    expect(sourceOf(html, segment!, '&bogus;')).toBe('&bogus;');
    expect(sourceOf(html, segment!, 'end')).toBe('end');
  });
});

describe('htmlSegments: inline content', () => {
  it('keeps sentences together through nested inline tags', () => {
    const html = '<p>We <b>can<i>not</i></b> <span style="color:red"><em>refund</em> <font size="2">that</font></span>, <u>sorry</u>.</p>';
    const [segment] = htmlSegments(html, 'r');
    expect(segment!.text).toBe('We cannot refund that, sorry.');
    expect(sourceOf(html, segment!, 'cannot')).toBe('can<i>not');
    expect(sourceOf(html, segment!, 'refund')).toBe('refund');
    expect(segment!.toSource(17)).toBe(html.indexOf('that'));
    expect(sourceOf(html, segment!, 'sorry')).toBe('sorry');
  });

  it('makes a link whose text is a URL one opaque word and keeps other link text as prose', () => {
    const html = '<p>See <a href="https://example.com/a">https://example.com/a</a>, <a href="mailto:help@example.com">help@example.com</a> or <a href="https://example.com/b">our <b>guide</b></a>.</p>';
    const [segment] = htmlSegments(html, 'r');
    expect(segment!.text).toBe(`See ${OPAQUE_TOKEN}, ${OPAQUE_TOKEN} or our guide.`);
    expect(sourceOf(html, segment!, OPAQUE_TOKEN)).toBe('<a href="https://example.com/a">https://example.com/a</a>');
    expect(sourceOf(html, segment!, OPAQUE_TOKEN, 5)).toBe('<a href="mailto:help@example.com">help@example.com</a>');
    expect(sourceOf(html, segment!, 'our guide')).toBe('our <b>guide');
  });

  it('makes code, kbd and samp one opaque word, and drops a <pre><code> block', () => {
    const html = '<p>Run <code>npm ci</code>, press <kbd>Enter</kbd> and read <samp>OK</samp>.</p><pre>\n<code>rm -rf build\n</code></pre>';
    const [segment, ...rest] = htmlSegments(html, 'r');
    expect(rest).toEqual([]);
    expect(segment!.text).toBe(`Run ${OPAQUE_TOKEN}, press ${OPAQUE_TOKEN} and read ${OPAQUE_TOKEN}.`);
    expect(sourceOf(html, segment!, OPAQUE_TOKEN)).toBe('<code>npm ci</code>');
    expect(sourceOf(html, segment!, 'press')).toBe('press');
    expect(sourceOf(html, segment!, 'and read')).toBe('and read');
  });

  it('turns an image into a space and never reads attributes', () => {
    const html = '<p title="Not prose."><img src="logo.png" alt="Company logo">Thanks<img alt="smile">again.</p>';
    const [segment] = htmlSegments(html, 'r');
    expect(segment!.text).toBe('Thanks again.');
    expect(html.slice(segment!.toSource(6), segment!.toSource(7, 'end'))).toBe('<img alt="smile">');
    expect(sourceOf(html, segment!, 'again.')).toBe('again.');
  });

  it('makes an Intercom attribute placeholder one opaque word, self-closed or not', () => {
    const html = '<p>Hi <attribute key="user.first_name" default="there"/>, thanks for writing.</p><p>Bye <attribute key="user.name" default="a > b"></attribute> now</p>';
    const [first, second] = htmlSegments(html, 'r');
    expect(first!.text).toBe(`Hi ${OPAQUE_TOKEN}, thanks for writing.`);
    expect(sourceOf(html, first!, OPAQUE_TOKEN)).toBe('<attribute key="user.first_name" default="there"/>');
    expect(sourceOf(html, first!, 'thanks for writing.')).toBe('thanks for writing.');
    expect(second!.text).toBe(`Bye ${OPAQUE_TOKEN} now`);
    expect(sourceOf(html, second!, OPAQUE_TOKEN)).toBe('<attribute key="user.name" default="a > b"></attribute>');
  });

  it('skips scripts, styles, templates, comments, svg and iframes', () => {
    const html = '<style>p{color:red}</style><p>Hello <!-- internal: not prose. --> there<script>alert("no.")</script>.</p><template><p>Hidden.</p></template><svg><text>Drawn.</text></svg><iframe>Framed.</iframe><noscript>Enable it.</noscript>';
    const [segment, ...rest] = htmlSegments(html, 'r');
    expect(rest).toEqual([]);
    expect(segment!.text).toBe('Hello  there.');
    expect(segment!.toSource(7)).toBe(html.indexOf('there'));
    expect(segment!.toSource(12)).toBe(html.indexOf('.</p>'));
  });
});

describe('htmlSegments: documents, templates and broken markup', () => {
  it('reads a full e-mail document without its head, title, style or script', () => {
    const html = readFileSync(new URL('../../fixtures/html/ticket-reply-email.html', import.meta.url), 'utf8');
    const segments = htmlSegments(html, 'r');
    expect(segments.map((s) => s.text)).toEqual([
      '{$ticket_subject}',
      'We have answered your request.',
      'You can read the answer at {$ticket_link}.',
      '{if $ticket_priority}',
      'Priority: {$ticket_priority}',
      '{/if}',
      'Sent by the help desk — please don\'t reply.',
    ]);
    expect(segments[0]!.toSource(0)).toBe(html.indexOf('{$ticket_subject}'));
    expect(sourceOf(html, segments[1]!, 'answered')).toBe('answered');
    expect(sourceOf(html, segments[2]!, 'at {$ticket_link}')).toBe('at&nbsp;<strong>{$ticket_link}');
    expect(sourceOf(html, segments[6]!, 'don\'t reply')).toBe('don&#39;t reply');
  });

  it('keeps template tags as text, exactly', () => {
    const html = '<p>Hi {{ticket.requester.first_name}}, {% if ticket.status == "open" %}we are on it{% endif %}.</p><p>{if $ticket_link}Open {$ticket_link}{/if}</p>';
    const [liquid, smarty] = htmlSegments(html, 'r');
    expect(liquid!.text).toBe('Hi {{ticket.requester.first_name}}, {% if ticket.status == "open" %}we are on it{% endif %}.');
    expect(sourceOf(html, liquid!, '{% if ticket.status == "open" %}')).toBe('{% if ticket.status == "open" %}');
    expect(smarty!.text).toBe('{if $ticket_link}Open {$ticket_link}{/if}');
    expect(sourceOf(html, smarty!, '{$ticket_link}{/if}')).toBe('{$ticket_link}{/if}');
  });

  it('recovers from unclosed tags, stray end tags and misnested inline tags without losing offsets', () => {
    const html = '<div>Hi </div> there</div><p>Unclosed <b>bold<p>para</b>more</p><span><p>inside</p></span><li>open item';
    const segments = htmlSegments(html, 'r');
    expect(segments.map((s) => s.text)).toEqual(['Hi', 'there', 'Unclosed bold', 'paramore', 'inside', 'open item']);
    expect(segments[1]!.toSource(0)).toBe(html.indexOf('there'));
    // "para" sits in a <b> the parser re-created, which has no position of its own.
    expect(sourceOf(html, segments[3]!, 'paramore')).toBe('para</b>more');
    expect(sourceOf(html, segments[5]!, 'open item')).toBe('open item');
  });

  it('maps text the parser joined across a dropped tag', () => {
    const html = '<p>We <span>cannot</i> help </div>today.</span></p>';
    const [segment] = htmlSegments(html, 'r');
    expect(segment!.text).toBe('We cannot help today.');
    expect(sourceOf(html, segment!, 'help')).toBe('help');
    expect(sourceOf(html, segment!, 'today.')).toBe('today.');
    expect(sourceOf(html, segment!, 'cannot help')).toBe('cannot</i> help');
  });

  it('resumes after a dropped tag at the text, not at letters inside the tag', () => {
    const html = '<p>Ask </div>diving.</p>';
    const [segment] = htmlSegments(html, 'r');
    expect(segment!.text).toBe('Ask diving.');
    expect(segment!.toSource(4)).toBe(13);
    expect(sourceOf(html, segment!, 'diving.')).toBe('diving.');
  });

  it('maps template tags the parser moved out of a table', () => {
    const html = '<p>Intro</p>\n<table>{if $x}<tr><td>{$name} {/if}</td></tr>{/if}</table>';
    const segments = htmlSegments(html, 'r');
    expect(segments.map((s) => s.text)).toEqual(['Intro', '{if $x}{/if}', '{$name} {/if}']);
    const moved = segments[1]!;
    expect(sourceOf(html, moved, '{if $x}')).toBe('{if $x}');
    expect(moved.toSource(7)).toBe(html.lastIndexOf('{/if}'));
    expect(sourceOf(html, moved, '{/if}')).toBe('{/if}');
    expect(sourceOf(html, segments[2]!, '{$name}')).toBe('{$name}');
  });

  it('returns nothing for empty or markup-only input', () => {
    expect(htmlSegments('', 'r')).toEqual([]);
    expect(htmlSegments('<div><br></div><p>&nbsp;</p><!-- x -->', 'r')).toEqual([]);
  });
});

describe('looksLikeHtml', () => {
  it('recognises common tags and character references', () => {
    for (const text of ['<p>Hi</p>', 'Hi<br>there', 'Hi<br/>there', '<div dir="ltr">x</div>', 'a <span>b</span>', 'see <a href="x">y</a>', '<b>bold</b>', '<ul><li>x</li></ul>', '<table>', 'Tom &amp; Jerry', 'don&#39;t', '<!DOCTYPE html>', '<attribute key="user.name"/>']) {
      expect(looksLikeHtml(text), text).toBe(true);
    }
  });

  it('does not take plain text, placeholders or comparisons for HTML', () => {
    for (const text of ['Hi there, 2 < 3 and 5 > 4.', 'Use <name> here', 'R&D and AT&T; ok', '{{ticket.id}}', '<bold>', 'a <pre-release> build']) {
      expect(looksLikeHtml(text), text).toBe(false);
    }
  });
});
