import { StringDecoder } from "node:string_decoder";

/**
 * Splits a byte stream into lines in bounded memory. A line longer than `keepChars` keeps only its first
 * `keepChars` characters; the rest is counted, not stored, so one endless line cannot exhaust memory.
 * Multi-byte characters split across chunks are decoded correctly; a trailing `\r` is dropped.
 */
export function createLineSplitter(
  keepChars: number,
  emit: (line: string, droppedChars: number) => void,
): { write(chunk: Buffer | string): void; end(): void } {
  const decoder = new StringDecoder("utf8");
  let partial = "";
  let dropped = 0;

  const finishLine = (text: string) => {
    const line = text.endsWith("\r") ? text.slice(0, -1) : text;
    emit(line, dropped);
    dropped = 0;
  };

  const append = (text: string) => {
    const room = keepChars - partial.length;
    if (text.length <= room) {
      partial += text;
      return;
    }
    partial += text.slice(0, Math.max(0, room));
    dropped += text.length - Math.max(0, room);
  };

  const feed = (text: string) => {
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      append(text.slice(start, nl));
      finishLine(partial);
      partial = "";
      start = nl + 1;
    }
    append(text.slice(start));
  };

  return {
    write(chunk) {
      feed(typeof chunk === "string" ? chunk : decoder.write(chunk));
    },
    end() {
      feed(decoder.end());
      if (partial !== "" || dropped > 0) finishLine(partial);
      partial = "";
    },
  };
}
