// Emoji and emoticons carry much of the sentiment in chat messages ("👍", "😡", ":("), but natural's Indonesian
// tokenizer drops every non-alphanumeric character. They are rewritten to plain word tokens first.

const POSITIVE = '👍👏🙌💯❤️♥️💖💕😍🥰😘😊☺️🙂😀😃😄😁🤩👌✨🌟⭐🎉🥳💪🔥😎🤗💐🏆✅😇';
const NEGATIVE = '👎😡😠🤬😤😞😔😟😢😭😩😫😒🙄💢😑😐😓😰😱🤦🤦‍♂️🤦‍♀️😖😣🥵😪💩❌⛔🚫😕🙁☹️😬🤮🤢😿';
const LAUGH = '😂🤣😆😅😹';
const PLEASE = '🙏';
// Upside-down face, clown, smirk: in a complaint they mark the praise around it as irony.
const IRONY = '🙃🤡😏';

function codepoints(list: string): string[] {
  // Split into grapheme-ish units: emoji with variation selectors or ZWJ sequences are matched by prefix anyway.
  return Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(list), (s) => s.segment);
}

const TOKEN_BY_EMOJI = new Map<string, string>();
for (const e of codepoints(POSITIVE)) TOKEN_BY_EMOJI.set(e, 'emopos');
for (const e of codepoints(NEGATIVE)) TOKEN_BY_EMOJI.set(e, 'emoneg');
for (const e of codepoints(LAUGH)) TOKEN_BY_EMOJI.set(e, 'emolaugh');
for (const e of codepoints(PLEASE)) TOKEN_BY_EMOJI.set(e, 'emopray');
for (const e of codepoints(IRONY)) TOKEN_BY_EMOJI.set(e, 'emoirony');

const PICTOGRAPH = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|\p{Emoji_Modifier})*/gu;

const EMOTICONS: Array<[RegExp, string]> = [
  [/(?:^|\s)[:;=]-?[)\]D]+(?=\s|$)/g, ' emopos '],
  [/(?:^|\s)[:;=]-?[([]+(?=\s|$)/g, ' emoneg '],
  [/(?:^|\s)(?:T_T|T\.T|-_-|=_=|>_<|:'\()(?=\s|$)/g, ' emoneg '],
  [/(?:^|\s)(?:<3)+(?=\s|$)/g, ' emopos '],
];

/** Rewrites emoji and emoticons to the tokens emopos / emoneg / emolaugh / emopray / emoirony / emoji so they survive tokenizing. */
export function replaceEmoji(text: string): string {
  let out = text;
  for (const [re, token] of EMOTICONS) out = out.replace(re, token);
  return out.replace(PICTOGRAPH, (e) => {
    const base = e.replace(/\uFE0F|\p{Emoji_Modifier}/gu, '');
    const token =
      TOKEN_BY_EMOJI.get(e) ?? TOKEN_BY_EMOJI.get(base) ?? TOKEN_BY_EMOJI.get(base.split('\u200D')[0] ?? '');
    return ` ${token ?? 'emoji'} `;
  });
}
