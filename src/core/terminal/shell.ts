/**
 * The command line as a POSIX shell splits it into words (busybox ash, which is what `/ # ` runs in a busybox
 * pod): blanks separate words; single quotes keep everything literally; double quotes keep everything but a
 * backslash before `\ " $` and a backquote; a backslash outside quotes keeps the next character; `#` at the
 * start of a word begins a comment. Pipes, lists, redirections and substitutions are not simulated: the
 * line is refused with a message that says so, rather than run differently from a real shell.
 */
export type Words = { words: string[] } | { error: string; exitCode: number };

const OPERATORS = new Set(['|', ';', '&', '>', '<', '(', ')', '`']);

export function splitWords(line: string): Words {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    if (c === '#' && !inWord) break;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return unterminated();
      word += line.slice(i + 1, end);
      inWord = true;
      i = end;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '\\"$`'.includes(line[j + 1]!)) {
          word += line[j + 1];
          j++;
        } else if (line[j] === '`' || (line[j] === '$' && line[j + 1] === '(')) return notSimulated('command substitutions');
        else word += line[j];
      }
      if (j >= line.length) return unterminated();
      inWord = true;
      i = j;
      continue;
    }
    if (c === '\\') {
      if (i + 1 < line.length) word += line[++i];
      inWord = true;
      continue;
    }
    if (c === '$' && line[i + 1] === '(') return notSimulated('command substitutions');
    if (OPERATORS.has(c)) return notSimulated(describe(c, line[i + 1]));
    word += c;
    inWord = true;
  }
  if (inWord) words.push(word);
  return { words };
}

function describe(c: string, next: string | undefined): string {
  if (c === '|') return next === '|' ? 'lists (||)' : 'pipes (|)';
  if (c === '&') return next === '&' ? 'lists (&&)' : 'background jobs (&)';
  if (c === ';') return 'lists (;)';
  if (c === '>' || c === '<') return `redirections (${c})`;
  if (c === '`') return 'command substitutions';
  return 'subshells';
}

function unterminated(): Words {
  // busybox ash: "sh: syntax error: unterminated quoted string", exit status 2.
  return { error: 'sh: syntax error: unterminated quoted string', exitCode: 2 };
}

function notSimulated(what: string): Words {
  return { error: `sh: ${what} are not simulated in this terminal: run one command per line`, exitCode: 2 };
}

/** Quote a word so that `splitWords` gives it back (for echoing commands and completions). */
export function quoteWord(w: string): string {
  if (w !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(w)) return w;
  return `'${w.replace(/'/g, `'\\''`)}'`;
}
