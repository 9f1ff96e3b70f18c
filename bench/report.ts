/** One measured number. stdout carries only these, one JSON object a line, so runs can be compared by tools. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

export function printFigure(figure: Figure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

/** Anything meant for people goes to stderr, keeping stdout machine-readable. */
export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}
