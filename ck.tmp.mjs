import { checksumFile } from './dist/s3/checksums.js';
const t = process.hrtime.bigint();
console.log(await checksumFile(process.argv[2], 'CRC64NVME', { start: +process.argv[3], end: +process.argv[4] }), Number(process.hrtime.bigint() - t) / 1e6, 'ms');
