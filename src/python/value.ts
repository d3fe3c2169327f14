/**
 * The value every formatter receives: what botocore's parsed dict looks like after the AWS CLI
 * has turned timestamps into ISO strings. Objects keep insertion order (the printed key order).
 */

/**
 * A float in the Python sense. JSON numbers lose the difference between `2` and `2.0`;
 * JMESPath results such as `avg()` are floats in Python and print as `2.0`.
 */
export class PyFloat {
  constructor(readonly value: number) {}
}

export type OutputValue =
  | null
  | boolean
  | number
  | string
  | PyFloat
  | OutputValue[]
  | { [key: string]: OutputValue };

export type OutputObject = { [key: string]: OutputValue };

export function isOutputObject(value: OutputValue | undefined): value is OutputObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof PyFloat);
}
