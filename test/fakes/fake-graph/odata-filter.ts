/**
 * OData $filter: a tokenizer and a recursive-descent parser producing an AST.
 * It knows nothing about columns (see item-query.ts for binding and evaluation).
 * Quoted text is one token, so its content ('' ) or, (, …) can never become syntax.
 * Input is the already URL-decoded $filter value; nothing here decodes again.
 */

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'dateTime'; text: string };

export interface PropertyRef {
  kind: 'property';
  path: string[];
}

export type Operand = PropertyRef | { kind: 'literal'; literal: Literal };

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: ComparisonOperator; left: Operand; right: Operand }
  | { kind: 'startswith'; property: PropertyRef; prefix: string };

export class FilterSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FilterSyntaxError';
  }
}

type Token =
  | { type: '(' | ')' | ',' | '/'; pos: number }
  | { type: 'identifier'; value: string; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'number'; value: number; text: string; pos: number }
  | { type: 'dateTime'; text: string; pos: number };

const COMPARISONS: readonly string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const FUNCTIONS: readonly string[] = ['startswith'];
const RESERVED: readonly string[] = ['and', 'or', 'not', 'true', 'false', 'null', ...COMPARISONS];

// OData date / dateTimeOffset literals, tried before numbers so 2024-01-31 is not 2024 minus 1 minus 31.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2}))?/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < input.length) {
    const ch = input[pos];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      pos += 1;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',' || ch === '/') {
      tokens.push({ type: ch, pos });
      pos += 1;
      continue;
    }
    if (ch === "'") {
      const start = pos;
      let value = '';
      pos += 1;
      for (;;) {
        if (pos >= input.length) {
          throw new FilterSyntaxError(`Unterminated string literal starting at position ${start}.`);
        }
        if (input[pos] === "'") {
          if (input[pos + 1] === "'") {
            value += "'";
            pos += 2;
            continue;
          }
          pos += 1;
          break;
        }
        value += input[pos];
        pos += 1;
      }
      tokens.push({ type: 'string', value, pos: start });
      continue;
    }
    const rest = input.slice(pos);
    const dateTime = DATE_TIME.exec(rest);
    if (dateTime) {
      tokens.push({ type: 'dateTime', text: dateTime[0], pos });
      pos += dateTime[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]), text: number[0], pos });
      pos += number[0].length;
      continue;
    }
    const identifier = IDENTIFIER.exec(rest);
    if (identifier) {
      tokens.push({ type: 'identifier', value: identifier[0], pos });
      pos += identifier[0].length;
      continue;
    }
    throw new FilterSyntaxError(`Syntax error: unexpected character '${ch}' at position ${pos}.`);
  }
  return tokens;
}

/** Parses a $filter expression; throws FilterSyntaxError with a position on malformed input. */
export function parseFilter(input: string): FilterNode {
  if (input.trim() === '') throw new FilterSyntaxError('The $filter expression is empty.');
  return new Parser(tokenize(input), input.length).parse();
}

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly inputLength: number,
  ) {}

  parse(): FilterNode {
    const node = this.parseOr();
    const extra = this.peek();
    if (extra) throw this.unexpected(extra);
    return node;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.index += 1;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      this.index += 1;
      left = { kind: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): FilterNode {
    if (this.isKeyword('not')) {
      this.index += 1;
      return { kind: 'not', operand: this.parseNot() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    const token = this.peek();
    if (!token) throw new FilterSyntaxError('Syntax error: the expression ends too early.');
    if (token.type === '(') {
      this.index += 1;
      const inner = this.parseOr();
      this.expect(')');
      return inner;
    }
    if (token.type === 'identifier' && this.tokens[this.index + 1]?.type === '(') {
      return this.parseFunction(token.value, token.pos);
    }
    const left = this.parseOperand();
    const opToken = this.peek();
    if (!opToken || opToken.type !== 'identifier' || !COMPARISONS.includes(opToken.value)) {
      throw opToken
        ? new FilterSyntaxError(
            `Syntax error at position ${opToken.pos}: expected a comparison operator (eq, ne, gt, ge, lt, le).`,
          )
        : new FilterSyntaxError('Syntax error: expected a comparison operator at the end of the expression.');
    }
    this.index += 1;
    const right = this.parseOperand();
    return { kind: 'compare', op: opToken.value as ComparisonOperator, left, right };
  }

  private parseFunction(name: string, pos: number): FilterNode {
    if (!FUNCTIONS.includes(name)) {
      throw new FilterSyntaxError(
        `Unsupported function '${name}' at position ${pos}; only startswith is supported.`,
      );
    }
    this.index += 1; // name
    this.expect('(');
    const property = this.parseOperand();
    if (property.kind !== 'property') {
      throw new FilterSyntaxError(`The first argument of ${name} must be a field, e.g. fields/Title.`);
    }
    this.expect(',');
    const prefix = this.parseOperand();
    if (prefix.kind !== 'literal' || prefix.literal.kind !== 'string') {
      throw new FilterSyntaxError(`The second argument of ${name} must be a quoted string.`);
    }
    this.expect(')');
    return { kind: 'startswith', property, prefix: prefix.literal.value };
  }

  private parseOperand(): Operand {
    const token = this.next();
    switch (token.type) {
      case 'string':
        return { kind: 'literal', literal: { kind: 'string', value: token.value } };
      case 'number':
        return { kind: 'literal', literal: { kind: 'number', value: token.value, text: token.text } };
      case 'dateTime':
        return { kind: 'literal', literal: { kind: 'dateTime', text: token.text } };
      case 'identifier': {
        if (token.value === 'true' || token.value === 'false') {
          return { kind: 'literal', literal: { kind: 'boolean', value: token.value === 'true' } };
        }
        if (token.value === 'null') return { kind: 'literal', literal: { kind: 'null' } };
        if (RESERVED.includes(token.value)) throw this.unexpected(token);
        const path = [token.value];
        while (this.peek()?.type === '/') {
          this.index += 1;
          const segment = this.next();
          if (segment.type !== 'identifier') throw this.unexpected(segment);
          path.push(segment.value);
        }
        return { kind: 'property', path };
      }
      default:
        throw this.unexpected(token);
    }
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token?.type === 'identifier' && token.value === word;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (!token) throw new FilterSyntaxError('Syntax error: the expression ends too early.');
    this.index += 1;
    return token;
  }

  private expect(type: '(' | ')' | ','): void {
    const token = this.peek();
    if (!token) {
      throw new FilterSyntaxError(`Syntax error: expected '${type}' at position ${this.inputLength}.`);
    }
    if (token.type !== type) {
      throw new FilterSyntaxError(`Syntax error at position ${token.pos}: expected '${type}'.`);
    }
    this.index += 1;
  }

  private unexpected(token: Token): FilterSyntaxError {
    const shown =
      token.type === 'identifier'
        ? token.value
        : token.type === 'string'
          ? `'${token.value}'`
          : token.type === 'number' || token.type === 'dateTime'
            ? token.text
            : token.type;
    return new FilterSyntaxError(`Syntax error at position ${token.pos}: unexpected '${shown}'.`);
  }
}
