// HTML fragments for every page, on Hono's `html` tag: whatever is interpolated is escaped (& < > " '), unless it is
// itself a fragment made here, so text a citizen wrote can never become markup on any page.
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString;

/** An HTML fragment; interpolated strings are escaped. Never pass a promise (fragments here are synchronous). */
export function h(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return html(strings, ...values) as Html;
}

/** Markup we wrote ourselves (an SVG drawn by code, a constant): not escaped. Never pass user text. */
export function trusted(markup: string): Html {
  return raw(markup);
}

/** Text with its line breaks kept (the element's CSS uses pre-wrap; this is for elements that do not). */
export function lines(text: string): Html {
  const parts = text.split('\n');
  return h`${parts.map((p, i) => (i === 0 ? h`${p}` : h`<br>${p}`))}`;
}
