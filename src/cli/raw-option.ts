/**
 * An option's value read from the raw arguments, before they are parsed: the AWS CLI reads a few
 * settings this early (the error format, the profile for the prompt mode). The last one wins.
 */
export function rawOptionValue(argv: readonly string[], flag: string): string | undefined {
  let value: string | undefined;
  argv.forEach((token, index) => {
    if (token === flag) value = argv[index + 1];
    else if (token.startsWith(`${flag}=`)) value = token.slice(flag.length + 1);
  });
  return value;
}
