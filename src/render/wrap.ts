/**
 * Word-wraps text to `width` characters: the first line starts with `first`, the others with
 * `indent`. A word longer than the width stands on its own line.
 */
export function wrap(text: string, width: number, indent = '', first = indent): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && Array.from(line).length + 1 + Array.from(word).length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line += empty && line.trim() === '' ? word : ` ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}
