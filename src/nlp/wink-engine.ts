import { createRequire } from "node:module";
import type { ItsFunction } from "wink-nlp";
import type winkNLPType from "wink-nlp";
import type modelType from "wink-eng-lite-web-model";
import type { NlpEngine, Sentence, Token } from "../core/ports.ts";

// wink and its model (both CommonJS) load when the first engine is made: a
// process that only opens this module, or that leaves sentences to another
// thread, starts about 0.1 s sooner.
const require = createRequire(import.meta.url);

const WHITE_SPACE = /\s/;

/**
 * The NLP port on wink-nlp's English light model: sentence boundaries, tokens,
 * universal POS tags and lemmas. Named-entity and sentiment stages are left out
 * of the pipe because our own extractors cover them.
 *
 * A sentence never spans a line break (titles, captions and list items often
 * lack a full stop): where wink's would, it is cut there. The text is read as
 * one wink document: a document a line cost about 7% more on news articles of
 * 15 lines, for the same sentences and tags.
 */
export function createWinkEngine(): NlpEngine {
  const winkNLP = require("wink-nlp") as typeof winkNLPType;
  const model = require("wink-eng-lite-web-model") as typeof modelType;
  const nlp = winkNLP(model, ["sbd", "pos"]);
  const its = nlp.its;

  function analyseText(text: string, out: Sentence[]): void {
    const doc = nlp.readDoc(text);
    // One collection for every column: each `tokens()` call builds a new one.
    const all = doc.tokens();
    const column = <T>(itsf: ItsFunction<T>): T[] => all.out(itsf) as T[];
    const values = column(its.value);
    const tags = column(its.pos);
    // wink's typings give `its.lemma` an extra parameter that `out` supplies itself.
    const lemmas = column(its.lemma as unknown as ItsFunction<string>);
    // Indexed as wink indexes its tokens; white space (wink's tokens of tabs)
    // and a token that cannot be placed stay undefined. Each token is looked
    // for after the white space that follows the one before: cheaper than
    // asking wink for every token's preceding spaces.
    const tokens: (Token | undefined)[] = [];
    let cursor = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? "";
      while (cursor < text.length && WHITE_SPACE.test(text.charAt(cursor))) cursor++;
      if (!/\S/.test(value)) {
        tokens.push(undefined);
        continue;
      }
      // wink keeps the original characters; should it ever not, find them again.
      const found = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
      if (found < 0) {
        tokens.push(undefined);
        continue;
      }
      tokens.push({
        text: value,
        start: found,
        end: found + value.length,
        pos: tags[i] ?? "X",
        lemma: (lemmas[i] ?? value).toLowerCase(),
      });
      cursor = found + value.length;
    }
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];
    for (const [first, last] of spans) {
      // The sentence's tokens that could be placed, white space left out, cut at each line break.
      let own: Token[] = [];
      for (let i = first; i <= last; i++) {
        const token = tokens[i];
        if (token === undefined) continue;
        const before = own[own.length - 1];
        if (before && hasLineBreak(text, before.end, token.start)) {
          out.push(sentenceOf(text, own));
          own = [];
        }
        own.push(token);
      }
      if (own.length > 0) out.push(sentenceOf(text, own));
    }
  }

  return {
    analyse(text: string): readonly Sentence[] {
      const sentences: Sentence[] = [];
      if (/\S/.test(text)) analyseText(text, sentences);
      return sentences;
    },
  };
}

/** Whether the text between two tokens (white space, a few characters) breaks the line. */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}

/** The sentence of these tokens (one or more, in text order). */
function sentenceOf(text: string, tokens: Token[]): Sentence {
  const start = tokens[0]?.start ?? 0;
  const end = tokens[tokens.length - 1]?.end ?? start;
  return { start, end, text: text.slice(start, end), tokens };
}
