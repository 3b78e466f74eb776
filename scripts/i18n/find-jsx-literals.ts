// Finds text a person would see that is written into JSX instead of coming from the catalogs:
// JSX text with a letter in it, string literals shown as children (also through ?: && || ??), and
// literal values of attributes that screen readers or tooltips show (aria-label, title, alt, ...).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface Literal {
  file: string;
  line: number;
  text: string;
}

/** Attributes whose value a person reads or hears. */
const VISIBLE_ATTRIBUTES = new Set([
  'title',
  'alt',
  'placeholder',
  'label',
  'summary',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
]);
/** Names that are the same in every language. */
const PROPER_NOUNS = new Set(['Megadisc']);
const LETTER = /\p{L}/u;

function isUserText(text: string): boolean {
  const trimmed = text.trim();
  return LETTER.test(trimmed) && !PROPER_NOUNS.has(trimmed);
}

/** String literals an expression can evaluate to, directly or through ?:, &&, || and ??. */
function shownStrings(node: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return shownStrings(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isTemplateExpression(node)) return [node];
  if (ts.isConditionalExpression(node))
    return [...shownStrings(node.whenTrue), ...shownStrings(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return shownStrings(node.right);
    if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
      return [...shownStrings(node.left), ...shownStrings(node.right)];
    }
  }
  return [];
}

function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return '';
}

export function jsxLiterals(fileName: string, source: string): Omit<Literal, 'file'>[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Omit<Literal, 'file'>[] = [];
  const report = (node: ts.Node, text: string) => {
    if (!isUserText(text)) return;
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    found.push({ line: line + 1, text: text.trim().replace(/\s+/g, ' ') });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const s of shownStrings(node.expression)) report(s, literalText(s));
    } else if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) {
        for (const s of shownStrings(init.expression)) report(s, literalText(s));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function* tsxFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* tsxFiles(path);
    else if (name.endsWith('.tsx')) yield path;
  }
}

export function findJsxLiterals(root: string, folder = 'renderer'): Literal[] {
  const out: Literal[] = [];
  for (const file of tsxFiles(join(root, folder))) {
    for (const hit of jsxLiterals(file, readFileSync(file, 'utf8')))
      out.push({ file: relative(root, file), ...hit });
  }
  return out;
}
