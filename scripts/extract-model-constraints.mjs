// Writes test/fixtures/model/s3-input-constraints.json: for each input member (nested ones
// too) of the seven multipart operations, the constraints botocore's S3 model gives it.
// Usage: node scripts/extract-model-constraints.mjs PATH/TO/botocore/data/s3/2006-03-01/service-2.json
import { readFileSync, writeFileSync } from 'node:fs';

const OPERATIONS = [
  'AbortMultipartUpload',
  'CompleteMultipartUpload',
  'CreateMultipartUpload',
  'ListMultipartUploads',
  'ListParts',
  'UploadPart',
  'UploadPartCopy',
];
const CONSTRAINTS = ['min', 'max', 'pattern'];

const model = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function walk(shapeName, path, into) {
  const shape = model.shapes[shapeName];
  const constraints = Object.fromEntries(CONSTRAINTS.filter((name) => name in shape).map((name) => [name, shape[name]]));
  if (path && Object.keys(constraints).length > 0) into[path] = constraints;
  if (shape.type === 'structure') {
    for (const [member, target] of Object.entries(shape.members)) walk(target.shape, path ? `${path}.${member}` : member, into);
  } else if (shape.type === 'list') {
    walk(shape.member.shape, `${path}[]`, into);
  } else if (shape.type === 'map') {
    walk(shape.value.shape, `${path}.*`, into);
  }
  return into;
}

const extracted = Object.fromEntries(OPERATIONS.map((name) => [name, walk(model.operations[name].input.shape, '', {})]));
writeFileSync(new URL('../test/fixtures/model/s3-input-constraints.json', import.meta.url), `${JSON.stringify(extracted, null, 2)}\n`);
