/**
 * Flag names derived from SDK member names the way botocore's `xform_name(name, '-')` does it,
 * so that `ChecksumCRC32C` becomes `--checksum-crc32-c` and `SSEKMSKeyId` `--ssekms-key-id`.
 */

const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;
// botocore's special case for pluralised acronyms (GatewayARNs -> gateway-arns).
const PLURAL_ACRONYM = /[A-Z]{2,}s$/;

export function xformName(member: string, separator = '-'): string {
  let name = member;
  const plural = PLURAL_ACRONYM.exec(name);
  if (plural) name = `${name.slice(0, plural.index)}${separator}${plural[0].toLowerCase()}`;
  return name
    .replace(FIRST_CAP, `$1${separator}$2`)
    .replace(END_CAP, `$1${separator}$2`)
    .toLowerCase();
}

export function memberToFlag(member: string): string {
  return `--${xformName(member)}`;
}

/** `upload-part` -> `UploadPart`: the table title and the SDK command's stem. */
export function commandToOperationName(command: string): string {
  return command
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}
