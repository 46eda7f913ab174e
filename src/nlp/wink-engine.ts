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
 * Each line is read on its own, so a sentence never spans a line break (titles,
 * captions and list items often lack a full stop).
 */
export function createWinkEngine(): NlpEngine {
  const winkNLP = require("wink-nlp") as typeof winkNLPType;
  const model = require("wink-eng-lite-web-model") as typeof modelType;
  const nlp = winkNLP(model, ["sbd", "pos"]);
  const its = nlp.its;

  function analyseLine(line: string, base: number, out: Sentence[]): void {
    const doc = nlp.readDoc(line);
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
      while (cursor < line.length && WHITE_SPACE.test(line.charAt(cursor))) cursor++;
      if (!/\S/.test(value)) {
        tokens.push(undefined);
        continue;
      }
      // wink keeps the original characters; should it ever not, find them again.
      const found = line.startsWith(value, cursor) ? cursor : line.indexOf(value, cursor);
      if (found < 0) {
        tokens.push(undefined);
        continue;
      }
      tokens.push({
        text: value,
        start: base + found,
        end: base + found + value.length,
        pos: tags[i] ?? "X",
        lemma: (lemmas[i] ?? value).toLowerCase(),
      });
      cursor = found + value.length;
    }
    const spans = doc.sentences().out(its.span) as unknown as [number, number][];
    for (const [first, last] of spans) {
      // The sentence's tokens that could be placed, white space left out.
      const own: Token[] = [];
      for (let i = first; i <= last; i++) {
        const token = tokens[i];
        if (token !== undefined) own.push(token);
      }
      const head = own[0];
      const tail = own[own.length - 1];
      if (!head || !tail) continue;
      out.push({
        start: head.start,
        end: tail.end,
        text: line.slice(head.start - base, tail.end - base),
        tokens: own,
      });
    }
  }

  return {
    analyse(text: string): readonly Sentence[] {
      const sentences: Sentence[] = [];
      let lineStart = 0;
      while (lineStart <= text.length) {
        const newline = text.indexOf("\n", lineStart);
        const lineEnd = newline < 0 ? text.length : newline;
        const line = text.slice(lineStart, lineEnd);
        // A line with something other than white space (what `trim` removes), tested without a copy.
        if (/\S/.test(line)) analyseLine(line, lineStart, sentences);
        if (newline < 0) break;
        lineStart = newline + 1;
      }
      return sentences;
    },
  };
}
