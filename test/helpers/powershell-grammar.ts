import { readFileSync } from 'node:fs';
import { Language, Parser, type Node } from 'web-tree-sitter';

/** The PowerShell grammar of tree-sitter-powershell, loaded once (WebAssembly: no native build). */
let parser: Promise<Parser> | undefined;

export function powerShellParser(): Promise<Parser> {
  parser ??= (async () => {
    // Bytes, not paths: given a path, web-tree-sitter reads it with a dynamic import() jest cannot run.
    await Parser.init({ wasmBinary: readFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm')) });
    const language = await Language.load(
      readFileSync(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm')),
    );
    const p = new Parser();
    p.setLanguage(language);
    return p;
  })();
  return parser;
}

export async function parsePowerShell(source: string): Promise<Node> {
  const tree = (await powerShellParser()).parse(source);
  if (!tree) throw new Error('tree-sitter gave no tree');
  return tree.rootNode;
}

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.children) if (child) yield* walk(child);
}

/** ERROR and MISSING nodes, with where they are, for a readable failure. */
export function syntaxProblems(root: Node): string[] {
  return [...walk(root)]
    .filter((n) => n.type === 'ERROR' || n.isMissing)
    .map(
      (n) =>
        `${n.isMissing ? 'MISSING' : 'ERROR'} at ${n.startPosition.row + 1}:${n.startPosition.column + 1}: ${n.text.slice(0, 60)}`,
    );
}

const TEXT_NODES = new Set([
  'comment',
  'expandable_string_literal',
  'verbatim_string_characters',
  'expandable_here_string_literal',
  'verbatim_here_string_characters',
]);

/**
 * Constructs Windows PowerShell 5.1 does not know: `&&` / `||` pipeline chains, `??` and `??=`,
 * `?.` and `?[`, the ternary operator, `ForEach-Object -Parallel`. Strings and comments are skipped.
 */
export function powerShell7Constructs(root: Node): string[] {
  const found: string[] = [];
  const at = (n: Node) => `${n.startPosition.row + 1}:${n.startPosition.column + 1}`;
  const visit = (n: Node): void => {
    if (TEXT_NODES.has(n.type)) return;
    if (n.type === 'pipeline_chain_tail') found.push(`pipeline chain (&& / ||) at ${at(n)}`);
    if (n.childCount === 0 && /^\?(\?|\.|\[|=)?/.test(n.text) && n.type !== 'command_name')
      found.push(`"${n.text}" at ${at(n)}`);
    if (n.type === 'command') {
      const name = n.childForFieldName('command_name')?.text.toLowerCase() ?? '';
      if (['foreach-object', 'foreach', '%'].includes(name) && /(^|\s)-parallel\b/i.test(n.text))
        found.push(`ForEach-Object -Parallel at ${at(n)}`);
    }
    for (const child of n.children) if (child) visit(child);
  };
  visit(root);
  return found;
}
